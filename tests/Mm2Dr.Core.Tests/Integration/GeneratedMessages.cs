using System;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Produce;

namespace Mm2Dr.Core.Tests.Integration
{
    /// <summary>Fills a topic through the module's own generator, whatever broker the fixture runs.</summary>
    internal static class GeneratedMessages
    {
        public static ProduceSummary Produce(ClusterConnection cluster, string topic, long count, int size, int? partition)
        {
            using var producer = new MessageProducer(cluster, new ProducerOptions(topic));
            MessageGenerator.Run(producer, new GeneratorOptions { Count = count, MessageSize = size, Partition = partition }, null, null, CancellationToken.None);
            return producer.Complete(TimeSpan.FromSeconds(30), CancellationToken.None);
        }
    }
}
