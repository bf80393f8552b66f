using System;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Turns the MM2 readers' failures into the module's errors: a stable id per cause, the topic as the target, and the
    /// cluster with its bootstrap in the message.
    /// </summary>
    public static class Mm2ReadErrors
    {
        public static Mm2DrException Translate(Mm2TopicReadException error, Mm2TopicKind kind, ClusterConnection cluster)
        {
            if (error == null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            switch (error)
            {
                case Mm2TopicNotFoundException notFound:
                    return new Mm2DrException(NotFoundId(kind), ErrorKind.NotFound, notFound.Message, notFound.Topic, notFound);

                case Mm2ReadTimeoutException timeout when timeout.Phase != ReadPhase.Reading && LooksUnreachable(timeout):
                    // Nothing answered at all: that is the cluster, not the topic.
                    return new Mm2DrException(ErrorIds.ClusterUnreachable, ErrorKind.ConnectionFailed,
                        $"Cannot reach cluster '{cluster.Alias}' ({cluster.BootstrapServers}) to read '{timeout.Topic}': {timeout.Message}", cluster.Alias, timeout);

                case Mm2ReadTimeoutException timeout:
                    return new Mm2DrException(ErrorIds.InternalTopicReadTimedOut, ErrorKind.Timeout,
                        $"{timeout.Message} (cluster '{cluster.Alias}' at {cluster.BootstrapServers}.)", timeout.Topic, timeout);

                default:
                    return new Mm2DrException(ErrorIds.InternalTopicReadFailed, ErrorKind.OperationFailed,
                        $"{error.Message} (cluster '{cluster.Alias}' at {cluster.BootstrapServers}.)", error.Topic, error);
            }
        }

        public static string NotFoundId(Mm2TopicKind kind) => kind switch
        {
            Mm2TopicKind.Checkpoints => ErrorIds.CheckpointsTopicNotFound,
            Mm2TopicKind.OffsetSyncs => ErrorIds.OffsetSyncsTopicNotFound,
            _ => ErrorIds.HeartbeatsTopicNotFound,
        };

        private static bool LooksUnreachable(Mm2ReadTimeoutException timeout)
            => timeout.LastClientError != null && KafkaErrorTranslator.LooksLikeConnectionFailure(timeout.LastClientError);
    }
}
