using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    public class TopicDiscoveryTests
    {
        [Fact]
        public void New_source_topics_and_partitions_are_found_at_the_refresh_interval_and_filtered_topics_never_are()
        {
            using var lab = new DrLabHarness();
            lab.CreateTopic(lab.Primary, "orders-eu", 2);
            lab.CreateTopic(lab.Primary, "invoices", 1);      // not in primary->dr.topics
            lab.CreateTopic(lab.Primary, "dr.orders", 1);     // came from DR: a cycle
            lab.Produce("orders-eu", 2, 0, 100);
            lab.Produce("invoices", 1, 0, 10);
            lab.Produce("dr.orders", 1, 0, 10);
            lab.WaitForRecords("primary.orders-eu", 2, 100);
            Assert.Equal(2, Partitions(lab.Dr, "primary.orders-eu"));

            using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = lab.Primary }).Build())
            {
                admin.CreatePartitionsAsync(new[] { new PartitionsSpecification { Topic = "orders-eu", IncreaseTo = 4 } }).GetAwaiter().GetResult();
            }

            lab.Produce("orders-eu", 4, 100, 100);   // ids 100..199 round-robin over 4 partitions
            lab.WaitForRecords("primary.orders-eu", 4, 200);
            Assert.Equal(4, Partitions(lab.Dr, "primary.orders-eu"));
            Assert.Equal(25, DrLabHarness.EndOffset(lab.Dr, "primary.orders-eu", 3));

            var topics = lab.Lab.Mirror.Status().Topics;
            Assert.Contains("primary.orders-eu", topics);
            Assert.DoesNotContain("primary.invoices", topics);
            Assert.DoesNotContain("primary.dr.orders", topics);
            Assert.Equal(-1, Partitions(lab.Dr, "primary.invoices"));
            Assert.Equal(-1, Partitions(lab.Dr, "primary.dr.orders"));

            // Growing the remote topic did not upset the producer (its metadata is refreshed at once).
            Assert.DoesNotContain(lab.Log.Lines, l => l.Contains("restarting after a failure"));
        }

        private static int Partitions(string cluster, string topic)
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster, AllowAutoCreateTopics = false }).Build();
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(5)).Topics.FirstOrDefault(t => t.Topic == topic);
            return metadata == null || metadata.Error.Code != ErrorCode.NoError ? -1 : metadata.Partitions.Count;
        }
    }
}
