using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using Mm2Dr.Core.Consume;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Produce;
using Mm2Dr.Core.Topics;
using Xunit;

namespace Mm2Dr.Tests
{
    public class KafkaCmdletTests : IClassFixture<MockClusterSession>
    {
        private readonly MockClusterSession _s;

        public KafkaCmdletTests(MockClusterSession session) => _s = session;

        private PowerShellSession.Result Run(string script, string topic) => _s.Shell.Run(script, new Dictionary<string, object?> { ["topic"] = topic });

        [Fact]
        public void Pipeline_objects_become_messages_strings_as_is_and_objects_as_json()
        {
            var topic = _s.NewTopic();
            var produced = Run("'plain', [pscustomobject]@{ id = 1; name = 'x' }, 42 | Start-KafkaProducer -Topic $topic -Key k -Header @{ source = 'test' }", topic).ThrowOnError();
            var summary = (ProduceSummary)produced.Output.Single().BaseObject;
            Assert.Equal(3, summary.Delivered);
            var read = Run("Read-KafkaTopic $topic", topic).ThrowOnError().Output.Select(o => (KafkaRecord)o.BaseObject).ToList();
            Assert.Equal(new object?[] { "plain", "{\"id\":1,\"name\":\"x\"}", "42" }, read.Select(r => r.Value));
            Assert.All(read, r => Assert.Equal("k", r.Key));
            Assert.All(read, r => Assert.Equal("test", r.Headers["source"]));
            Assert.All(read, r => Assert.Equal("primary", r.Cluster));
        }

        [Fact]
        public void Key_property_takes_each_objects_key()
        {
            var topic = _s.NewTopic();
            Run("1..3 | ForEach-Object { [pscustomobject]@{ orderId = \"o$_\"; qty = $_ } } | Start-KafkaProducer -Topic $topic -KeyProperty orderId", topic).ThrowOnError();
            var keys = Run("Read-KafkaTopic $topic | ForEach-Object Key", topic).ThrowOnError().Output.Select(o => o.ToString()).ToList();
            Assert.Equal(new[] { "o1", "o2", "o3" }, keys);
        }

        [Fact]
        public void A_missing_key_property_is_reported_per_object_and_the_rest_are_sent()
        {
            var topic = _s.NewTopic();
            var result = Run("[pscustomobject]@{ id = 1 }, [pscustomobject]@{ other = 2 } | Start-KafkaProducer -Topic $topic -KeyProperty id", topic);
            Assert.Single(result.Errors);
            Assert.StartsWith("InvalidArgument", result.Errors[0].FullyQualifiedErrorId);
            Assert.Equal(1, ((ProduceSummary)result.Output.Single().BaseObject).Delivered);
        }

        [Fact]
        public void Generator_mode_with_passthru_reports_every_delivery_then_the_summary()
        {
            var topic = _s.NewTopic(2);
            var result = Run("Start-KafkaProducer -Topic $topic -Count 25 -MessageSize 64 -PassThru", topic).ThrowOnError();
            var reports = result.Output.Select(o => o.BaseObject).OfType<DeliveryResult>().ToList();
            Assert.Equal(25, reports.Count);
            Assert.All(reports, r => Assert.True(r.Delivered));
            Assert.IsType<ProduceSummary>(result.Output.Last().BaseObject);
        }

        [Fact]
        public void A_script_block_makes_generated_values()
        {
            var topic = _s.NewTopic();
            Run("Start-KafkaProducer -Topic $topic -Count 3 -Value { \"value-$_\" }", topic).ThrowOnError();
            var values = Run("Read-KafkaTopic $topic | ForEach-Object Value", topic).Output.Select(o => o.ToString()).ToList();
            Assert.Equal(new[] { "value-0", "value-1", "value-2" }, values);
        }

        [Fact]
        public void As_json_parses_values_into_objects()
        {
            var topic = _s.NewTopic();
            Run("[pscustomobject]@{ id = 7; tags = @('a','b') } | Start-KafkaProducer -Topic $topic", topic).ThrowOnError();
            var result = Run("(Read-KafkaTopic $topic -AsJson).Value", topic).ThrowOnError();
            var value = result.Output.Single();
            Assert.Equal(7, value.Properties["id"].Value);
            Assert.Equal(new object[] { "a", "b" }, (object[])value.Properties["tags"].Value);
        }

        [Fact]
        public void Reading_on_dr_uses_mm2s_remote_name_unless_exact()
        {
            var local = "m" + Guid.NewGuid().ToString("N").Substring(0, 12);
            var remote = "primary." + local;
            _s.Mock.CreateTopic(remote, 1);
            Run("'mirrored' | Start-KafkaProducer -Topic $topic", remote).ThrowOnError();
            var fromDr = Run("Read-KafkaTopic -Cluster DR -Topic $topic -Verbose", local).ThrowOnError();
            Assert.Equal("mirrored", ((KafkaRecord)fromDr.Output.Single().BaseObject).Value);
            Assert.Equal(remote, ((KafkaRecord)fromDr.Output.Single().BaseObject).Topic);
            Assert.Contains(fromDr.Verbose, v => v.Contains("MM2's name"));
            var exact = Run("Read-KafkaTopic -Cluster DR -Topic $topic -ExactTopic", local);
            Assert.StartsWith("TopicNotFound", exact.FirstError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Get_topic_shows_watermarks_and_reports_missing_names()
        {
            var topic = _s.NewTopic(3);
            Run("1..9 | Start-KafkaProducer -Topic $topic", topic).ThrowOnError();
            var info = (KafkaTopicInfo)Run("Get-KafkaTopic -Name $topic", topic).ThrowOnError().Output.Single().BaseObject;
            Assert.Equal(9, info.Messages);
            Assert.Equal(3, info.PartitionCount);
            var partitions = Run("Get-KafkaTopic -Name $topic -ByPartition", topic).Output.Select(o => (KafkaPartitionInfo)o.BaseObject).ToList();
            Assert.Equal(3, partitions.Count);
            var missing = Run("Get-KafkaTopic -Name no-such-topic", topic);
            Assert.StartsWith("TopicNotFound", missing.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal("no-such-topic", missing.Errors.Single().TargetObject);
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.Errors.Single().CategoryInfo.Category);
        }

        [Fact]
        public void Remove_topic_whatif_changes_nothing()
        {
            var topic = _s.NewTopic();
            var result = Run("Remove-KafkaTopic -Name $topic -WhatIf", topic);
            result.ThrowOnError();
            var still = Run("Get-KafkaTopic -Name $topic", topic).ThrowOnError();
            Assert.Single(still.Output);
        }

        [Fact]
        public void Piped_topics_bind_by_name_and_cluster_for_removal_whatif()
        {
            var topic = _s.NewTopic();
            var result = Run("Get-KafkaTopic -Name $topic | Remove-KafkaTopic -WhatIf", topic);
            result.ThrowOnError();
            Assert.Single(Run("Get-KafkaTopic -Name $topic", topic).Output);
        }

        [Fact]
        public void New_topic_whatif_creates_nothing()
        {
            var name = "never-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Run("New-KafkaTopic -Name $topic -Partitions 3 -WhatIf", name).ThrowOnError();
            Assert.StartsWith("TopicNotFound", Run("Get-KafkaTopic -Name $topic", name).Errors.Single().FullyQualifiedErrorId);
        }

        [Fact]
        public void Offset_reset_whatif_shows_the_plan_and_changes_nothing()
        {
            var topic = _s.NewTopic();
            Run("1..20 | Start-KafkaProducer -Topic $topic", topic).ThrowOnError();
            Run("Read-KafkaTopic $topic -Group whatif-group -Partition 0 -MaxMessages 12", topic).ThrowOnError();
            var plan = Run("Set-KafkaConsumerGroupOffset -Group whatif-group -Topic $topic -ToEarliest -WhatIf", topic).ThrowOnError().Output.Select(o => (OffsetResetEntry)o.BaseObject).Single();
            Assert.Equal(12, plan.CurrentOffset);
            Assert.Equal(0, plan.TargetOffset);
            Assert.False(plan.Applied);
            var detail = (KafkaConsumerGroupDetail)Run("Get-KafkaConsumerGroup -Name whatif-group -Topic $topic -WarningAction SilentlyContinue", topic).ThrowOnError().Output.Single().BaseObject;
            Assert.Equal(12, detail.Offsets.Single().CommittedOffset);
            var applied = Run("Set-KafkaConsumerGroupOffset -Group whatif-group -Topic $topic -ToOffset 5 -Confirm:$false", topic).ThrowOnError().Output.Select(o => (OffsetResetEntry)o.BaseObject).Single();
            Assert.True(applied.Applied);
            var after = (KafkaConsumerGroupDetail)Run("Get-KafkaConsumerGroup -Name whatif-group -Topic $topic -WarningAction SilentlyContinue", topic).Output.Single().BaseObject;
            Assert.Equal(5, after.Offsets.Single().CommittedOffset);
            Assert.Equal(15, after.TotalLag);
        }

        [Fact]
        public void An_unreachable_cluster_fails_within_the_timeout_naming_the_address()
        {
            var clock = Stopwatch.StartNew();
            var result = _s.Shell.Run("Get-KafkaTopic -BootstrapServers 127.0.0.1:1 -TimeoutSec 2");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.StartsWith("ClusterUnreachable", result.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, result.FirstError.CategoryInfo.Category);
            Assert.Contains("127.0.0.1:1", result.FirstError.Exception.Message);
        }

        [Theory]
        [InlineData("'x' | Start-KafkaProducer -Topic t -BootstrapServers 127.0.0.1:1 -TimeoutSec 2")]
        [InlineData("Start-KafkaProducer -Topic t -Count 5 -BootstrapServers 127.0.0.1:1 -TimeoutSec 2")]
        [InlineData("Read-KafkaTopic -Topic t -BootstrapServers 127.0.0.1:1 -TimeoutSec 2")]
        [InlineData("Get-KafkaConsumerGroup -BootstrapServers 127.0.0.1:1 -TimeoutSec 2")]
        [InlineData("Get-KafkaConsumerGroup -Name g -BootstrapServers 127.0.0.1:1 -TimeoutSec 2")]
        [InlineData("New-KafkaTopic -Name t -BootstrapServers 127.0.0.1:1 -TimeoutSec 2")]
        [InlineData("Remove-KafkaTopic -Name t -BootstrapServers 127.0.0.1:1 -TimeoutSec 2 -Confirm:$false")]
        [InlineData("Set-KafkaConsumerGroupOffset -Group g -Topic t -ToEarliest -BootstrapServers 127.0.0.1:1 -TimeoutSec 2")]
        [InlineData("Remove-KafkaConsumerGroup -Name g -BootstrapServers 127.0.0.1:1 -TimeoutSec 2 -Confirm:$false")]
        public void Every_kafka_cmdlet_fails_fast_against_a_down_cluster_naming_it(string script)
        {
            var clock = Stopwatch.StartNew();
            var result = _s.Shell.Run(script);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.NotNull(result.FirstError);
            Assert.StartsWith("ClusterUnreachable", result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("127.0.0.1:1", result.FirstError.Exception.Message);
        }

        [Fact]
        public void Completion_offers_cached_topic_names_without_touching_the_network()
        {
            var topic = _s.NewTopic();
            Run("Get-KafkaTopic | Out-Null", topic).ThrowOnError();
            var prefix = topic.Substring(0, 6);
            var line = $"Read-KafkaTopic -Topic {prefix}";
            var completions = _s.Shell.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText").Output.Select(o => o.ToString()).ToList();
            Assert.Contains(topic, completions);

            var clock = Stopwatch.StartNew();
            var offline = $"Read-KafkaTopic -BootstrapServers 127.0.0.1:1 -Topic {prefix}";
            var none = _s.Shell.Run($"(TabExpansion2 -inputScript '{offline}' -cursorColumn {offline.Length}).CompletionMatches.CompletionText");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"completion took {clock.Elapsed}");
            Assert.DoesNotContain(topic, none.Output.Where(o => o != null).Select(o => o.ToString()));
        }
    }
}
