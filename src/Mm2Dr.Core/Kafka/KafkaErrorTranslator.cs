using System;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;

namespace Mm2Dr.Core.Kafka
{
    /// <summary>Turns Kafka's error codes into the module's stable error ids, with the cluster and target named.</summary>
    public static class KafkaErrorTranslator
    {
        public static Mm2DrException Translate(ClusterConnection cluster, Error error, string operation, object? target, KafkaClientDiagnostics? diagnostics = null, Exception? inner = null)
        {
            var reason = cluster.Redact(error.Reason);
            var where = $"cluster '{cluster.Alias}' ({cluster.BootstrapServers})";
            var (id, kind) = Classify(error.Code);
            string message;
            if (id == ErrorIds.ClusterUnreachable || (id == ErrorIds.OperationTimedOut && diagnostics?.AllBrokersDown == true))
            {
                id = ErrorIds.ClusterUnreachable;
                kind = ErrorKind.ConnectionFailed;
                message = $"{operation} failed: cannot reach {where}: {LastClientError(diagnostics) ?? reason}.";
            }
            else
            {
                message = $"{operation} failed on {where}: {reason} ({error.Code}).";
            }

            return new Mm2DrException(id, kind, message, target ?? cluster.Alias, inner);
        }

        public static Mm2DrException Timeout(ClusterConnection cluster, string operation, TimeSpan timeout, object? target, KafkaClientDiagnostics? diagnostics)
        {
            var last = LastClientError(diagnostics);
            var unreachable = diagnostics?.AllBrokersDown == true || (last != null && LooksLikeConnectionFailure(last));
            var where = $"cluster '{cluster.Alias}' ({cluster.BootstrapServers})";
            return unreachable
                ? new Mm2DrException(ErrorIds.ClusterUnreachable, ErrorKind.ConnectionFailed,
                    $"{operation} failed: cannot reach {where} within {Seconds(timeout)}: {last}.", target ?? cluster.Alias)
                : new Mm2DrException(ErrorIds.OperationTimedOut, ErrorKind.Timeout,
                    $"{operation} did not finish within {Seconds(timeout)} on {where}" + (last != null ? $" (last client error: {last})." : "."), target ?? cluster.Alias);
        }

        public static (string Id, ErrorKind Kind) Classify(ErrorCode code)
        {
            switch (code)
            {
                case ErrorCode.Local_Transport:
                case ErrorCode.Local_AllBrokersDown:
                case ErrorCode.Local_Resolve:
                case ErrorCode.BrokerNotAvailable:
                case ErrorCode.NetworkException:
                    return (ErrorIds.ClusterUnreachable, ErrorKind.ConnectionFailed);
                case ErrorCode.Local_TimedOut:
                case ErrorCode.RequestTimedOut:
                case ErrorCode.Local_MsgTimedOut:
                    return (ErrorIds.OperationTimedOut, ErrorKind.Timeout);
                case ErrorCode.UnknownTopicOrPart:
                case ErrorCode.Local_UnknownTopic:
                    return (ErrorIds.TopicNotFound, ErrorKind.NotFound);
                case ErrorCode.Local_UnknownPartition:
                    return (ErrorIds.PartitionNotFound, ErrorKind.NotFound);
                case ErrorCode.TopicAlreadyExists:
                    return (ErrorIds.TopicAlreadyExists, ErrorKind.AlreadyExists);
                case ErrorCode.GroupIdNotFound:
                    return (ErrorIds.GroupNotFound, ErrorKind.NotFound);
                case ErrorCode.NonEmptyGroup:
                case ErrorCode.UnknownMemberId:
                case ErrorCode.RebalanceInProgress:
                case ErrorCode.GroupSubscribedToTopic:
                    return (ErrorIds.GroupHasActiveMembers, ErrorKind.ResourceBusy);
                case ErrorCode.OffsetOutOfRange:
                    return (ErrorIds.OffsetOutOfRange, ErrorKind.InvalidArgument);
                case ErrorCode.TopicAuthorizationFailed:
                case ErrorCode.GroupAuthorizationFailed:
                case ErrorCode.ClusterAuthorizationFailed:
                case ErrorCode.SaslAuthenticationFailed:
                case ErrorCode.Local_Authentication:
                    return (ErrorIds.AuthorizationFailed, ErrorKind.PermissionDenied);
                case ErrorCode.Local_UnsupportedFeature:
                case ErrorCode.UnsupportedVersion:
                    return (ErrorIds.FeatureNotSupported, ErrorKind.InvalidOperation);
                case ErrorCode.InvalidPartitions:
                case ErrorCode.InvalidReplicationFactor:
                case ErrorCode.InvalidConfig:
                case ErrorCode.TopicException:
                case ErrorCode.InvalidRequest:
                case ErrorCode.Local_InvalidArg:
                    return (ErrorIds.InvalidArgument, ErrorKind.InvalidArgument);
                default:
                    return (ErrorIds.KafkaError, ErrorKind.OperationFailed);
            }
        }

        private static string? LastClientError(KafkaClientDiagnostics? diagnostics) => diagnostics?.LastError;

        internal static bool LooksLikeConnectionFailure(string message)
            => message.IndexOf("Connect", StringComparison.OrdinalIgnoreCase) >= 0
               || message.IndexOf("refused", StringComparison.OrdinalIgnoreCase) >= 0
               || message.IndexOf("brokers are down", StringComparison.OrdinalIgnoreCase) >= 0
               || message.IndexOf("resolve", StringComparison.OrdinalIgnoreCase) >= 0
               || message.IndexOf("Disconnected", StringComparison.OrdinalIgnoreCase) >= 0;

        private static string Seconds(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#} s" : $"{t.TotalMilliseconds:0} ms";
    }
}
