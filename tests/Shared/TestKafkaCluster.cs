using System;
using Mm2Dr.Core.Embedded;

namespace Mm2Dr.TestSupport
{
    /// <summary>
    /// The Kafka cluster the MM2 integration tests run against, behind one seam so that they can move to the project's
    /// lab broker by changing <see cref="Start"/> only. Today it is librdkafka's mock cluster, which cannot list or delete
    /// groups (that aborts the process: tests name groups exactly), cannot create topics through the admin API (tests use
    /// <see cref="CreateTopic"/>), cannot describe groups, answers "all offsets of a group" with nothing, and keeps about
    /// 5 MiB per partition.
    /// </summary>
    public sealed class TestKafkaCluster : IDisposable
    {
        private readonly RdKafkaMockCluster _mock;

        private TestKafkaCluster(RdKafkaMockCluster mock)
        {
            _mock = mock;
        }

        public static TestKafkaCluster Start() => new TestKafkaCluster(RdKafkaMockCluster.Start());

        public string BootstrapServers => _mock.BootstrapServers;

        /// <summary>False for the mock: ListConsumerGroups would abort the test process.</summary>
        public bool CanListGroups => false;

        public void CreateTopic(string name, int partitions) => _mock.CreateTopic(name, partitions);

        /// <summary>Takes the cluster's brokers down (data kept), to test what an outage looks like.</summary>
        public void SetDown() => _mock.SetDown();

        public void Dispose() => _mock.Dispose();

        public override string ToString() => _mock.ToString();
    }
}
