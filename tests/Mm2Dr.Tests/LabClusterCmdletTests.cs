using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Mm2Dr.Core.Topics;
using Mm2Dr.Lab;
using Xunit;

namespace Mm2Dr.Tests
{
    public class LabClusterCmdletTests
    {
        [Fact]
        public void Start_get_and_stop_a_named_lab_cluster()
        {
            using var ps = new PowerShellSession();
            var info = (LabClusterInfo)ps.Run("Start-KafkaLabCluster -Name one").ThrowOnError().Output.Single().BaseObject;
            Assert.StartsWith("127.0.0.1:", info.BootstrapServers);
            Assert.True(info.IsUp);
            Assert.False(info.Persistent);
            var listed = ps.Run("Get-KafkaLabCluster").ThrowOnError().Output.Select(o => (LabClusterInfo)o.BaseObject).Single();
            Assert.Equal("one", listed.Name);

            var duplicate = ps.Run("Start-KafkaLabCluster -Name one");
            Assert.StartsWith("LabClusterFailed", duplicate.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, duplicate.FirstError.CategoryInfo.Category);

            ps.Run("Stop-KafkaLabCluster -Name one -WhatIf").ThrowOnError();
            Assert.Single(ps.Run("Get-KafkaLabCluster").Output);
            ps.Run("Stop-KafkaLabCluster -Name one -Confirm:$false").ThrowOnError();
            Assert.Empty(ps.Run("Get-KafkaLabCluster").Output);
            var again = ps.Run("Stop-KafkaLabCluster -Name one -Confirm:$false");
            Assert.Contains(again.Warnings, w => w.Contains("nothing to stop"));
            Assert.StartsWith("LabClusterFailed", ps.Run("Get-KafkaLabCluster -Name one").FirstError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void A_port_in_use_is_a_clear_error_naming_the_port()
        {
            using var ps = new PowerShellSession();
            var first = (LabClusterInfo)ps.Run("Start-KafkaLabCluster -Name a").ThrowOnError().Output.Single().BaseObject;
            try
            {
                var clash = ps.Run($"Start-KafkaLabCluster -Name b -Port {first.Port}");
                Assert.StartsWith("LabClusterFailed", clash.FirstError!.FullyQualifiedErrorId);
                Assert.Contains($"port {first.Port}", clash.FirstError.Exception.Message);
            }
            finally
            {
                ps.Run("Get-KafkaLabCluster | Stop-KafkaLabCluster -Confirm:$false").ThrowOnError();
            }
        }

        [Fact]
        public void Topics_created_with_new_kafkatopic_survive_a_restart_with_a_data_path()
        {
            using var ps = new PowerShellSession();
            var data = Path.Combine(Path.GetTempPath(), "mm2dr-lab-" + Guid.NewGuid().ToString("N"));
            try
            {
                var start = $"$lab = Start-KafkaLabCluster -Name p -DataPath '{data}'; Connect-DrEnvironment -PrimaryBootstrapServers $lab.BootstrapServers";
                ps.Run(start).ThrowOnError();
                ps.Run("New-KafkaTopic kept -Partitions 2; 1..50 | Start-KafkaProducer -Topic kept | Out-Null").ThrowOnError();
                ps.Run("Stop-KafkaLabCluster -Name p -Confirm:$false").ThrowOnError();
                ps.Run(start).ThrowOnError();
                var topic = (KafkaTopicInfo)ps.Run("Get-KafkaTopic -Name kept").ThrowOnError().Output.Single().BaseObject;
                Assert.Equal(2, topic.PartitionCount);
                Assert.Equal(50, topic.Messages);
                ps.Run("Stop-KafkaLabCluster -Name p -Confirm:$false").ThrowOnError();
            }
            finally
            {
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }
            }
        }
    }
}
