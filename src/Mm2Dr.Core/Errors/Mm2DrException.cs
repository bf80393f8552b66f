using System;

namespace Mm2Dr.Core.Errors
{
    /// <summary>
    /// A failure the user can act on: a stable id, a kind, and the thing that failed (topic, group, partition,
    /// cluster). Messages must already be free of secrets when this is constructed.
    /// </summary>
    public class Mm2DrException : Exception
    {
        public Mm2DrException(string errorId, ErrorKind kind, string message, object? target = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
        }

        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        /// <summary>What failed: a topic or group name, a <see cref="Kafka.TopicPartitionRef"/>, a cluster alias.</summary>
        public object? Target { get; }
    }
}
