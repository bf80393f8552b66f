using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class AdminTests : BrokerTest
    {
        [Fact]
        public void CreateTopics_with_defaults_configs_and_the_Kafka_errors()
        {
            using var broker = StartBroker(o => o.DefaultPartitions = 4);
            using var admin = Clients.Admin(broker);
            // Confluent.Kafka's TopicSpecification defaults are -1/-1 ⇒ broker defaults (CreateTopics v4).
            admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = "defaults" } }).GetAwaiter().GetResult();
            Assert.Equal(4, admin.GetMetadata("defaults", TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count);

            var duplicate = Assert.Throws<CreateTopicsException>(() =>
                admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = "defaults", NumPartitions = 1 } }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.TopicAlreadyExists, duplicate.Results.Single().Error.Code);
            Assert.Equal(36, (int)duplicate.Results.Single().Error.Code);

            var badRf = Assert.Throws<CreateTopicsException>(() =>
                admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = "rf3", NumPartitions = 1, ReplicationFactor = 3 } }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.InvalidReplicationFactor, badRf.Results.Single().Error.Code);

            var badConfig = Assert.Throws<CreateTopicsException>(() =>
                admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = "bad-config", NumPartitions = 1, Configs = new Dictionary<string, string> { ["no.such.config"] = "1" } } }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.InvalidConfig, badConfig.Results.Single().Error.Code);

            var badName = Assert.Throws<CreateTopicsException>(() =>
                admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = "bad name!", NumPartitions = 1 } }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.TopicException, badName.Results.Single().Error.Code);

            admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = "validated-only", NumPartitions = 2 } },
                new CreateTopicsOptions { ValidateOnly = true }).GetAwaiter().GetResult();
            Assert.DoesNotContain(admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics, t => t.Topic == "validated-only");
        }

        [Fact]
        public void DescribeConfigs_reports_defaults_and_create_time_configs()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "configured", 1, new Dictionary<string, string> { ["retention.ms"] = "3600000", ["cleanup.policy"] = "compact" });
            using var admin = Clients.Admin(broker);
            var result = admin.DescribeConfigsAsync(new[] { new ConfigResource { Type = ResourceType.Topic, Name = "configured" } }).GetAwaiter().GetResult().Single();
            Assert.Equal("3600000", result.Entries["retention.ms"].Value);
            Assert.Equal(ConfigSource.DynamicTopicConfig, result.Entries["retention.ms"].Source);
            Assert.Equal("compact", result.Entries["cleanup.policy"].Value);
            Assert.Equal("1073741824", result.Entries["segment.bytes"].Value);
            Assert.Equal(ConfigSource.DefaultConfig, result.Entries["segment.bytes"].Source);
            Assert.True(result.Entries["segment.bytes"].IsDefault);

            var missing = Assert.Throws<DescribeConfigsException>(() =>
                admin.DescribeConfigsAsync(new[] { new ConfigResource { Type = ResourceType.Topic, Name = "missing" } }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.UnknownTopicOrPart, missing.Results.Single().Error.Code);
        }

        [Fact]
        public void CreatePartitions_grows_a_topic_and_refuses_to_shrink_it()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "growing", 2);
            using var admin = Clients.Admin(broker);
            admin.CreatePartitionsAsync(new[] { new PartitionsSpecification { Topic = "growing", IncreaseTo = 5 } }).GetAwaiter().GetResult();
            Eventually.True(() => admin.GetMetadata("growing", TimeSpan.FromSeconds(5)).Topics.Single().Partitions.Count == 5, "5 partitions in metadata");

            var shrink = Assert.Throws<CreatePartitionsException>(() =>
                admin.CreatePartitionsAsync(new[] { new PartitionsSpecification { Topic = "growing", IncreaseTo = 3 } }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.InvalidPartitions, shrink.Results.Single().Error.Code);

            var unknown = Assert.Throws<CreatePartitionsException>(() =>
                admin.CreatePartitionsAsync(new[] { new PartitionsSpecification { Topic = "nope", IncreaseTo = 3 } }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.UnknownTopicOrPart, unknown.Results.Single().Error.Code);

            using var producer = Clients.Producer(broker);
            var report = producer.ProduceAsync(new TopicPartition("growing", 4), new Message<string, string> { Value = "in new partition" }).GetAwaiter().GetResult();
            Assert.Equal(0, report.Offset.Value);
        }

        [Fact]
        public void DeleteTopics_removes_the_topic_and_its_data()
        {
            using var broker = StartBroker(o => o.AutoCreateTopics = false);
            Clients.CreateTopic(broker, "doomed", 1);
            using (var producer = Clients.Producer(broker))
            {
                Clients.ProduceAll(producer, "doomed", Enumerable.Range(0, 10).Select(i => new Message<string, string> { Value = "x" }));
            }

            using var admin = Clients.Admin(broker);
            admin.DeleteTopicsAsync(new[] { "doomed" }).GetAwaiter().GetResult();
            Assert.DoesNotContain(admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics, t => t.Topic == "doomed");

            var again = Assert.Throws<DeleteTopicsException>(() => admin.DeleteTopicsAsync(new[] { "doomed" }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.UnknownTopicOrPart, again.Results.Single().Error.Code);

            // A topic re-created with the same name starts empty.
            Clients.CreateTopic(broker, "doomed", 1);
            using var consumer = Clients.Consumer(broker, "after-delete");
            var marks = consumer.QueryWatermarkOffsets(new TopicPartition("doomed", 0), TimeSpan.FromSeconds(10));
            Assert.Equal(0, marks.High.Value);
        }

        [Fact]
        public void DescribeCluster_names_this_broker_as_controller()
        {
            using var broker = StartBroker(o => o.ClusterId = "lab-cluster-id");
            using var admin = Clients.Admin(broker);
            var cluster = admin.DescribeClusterAsync().GetAwaiter().GetResult();
            Assert.Equal("lab-cluster-id", cluster.ClusterId);
            Assert.Equal(1, cluster.Controller.Id);
            Assert.Equal(broker.Port, cluster.Nodes.Single().Port);
        }
    }
}
