using System;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>How a Read-Mm2InternalTopic read went: what was covered and what was skipped.</summary>
    public sealed class InternalTopicDumpSummary
    {
        public InternalTopicDumpSummary(Mm2TopicKind kind, TopicReadSummary read, DecodeReport decode)
        {
            Kind = kind;
            Read = read ?? throw new ArgumentNullException(nameof(read));
            Decode = decode ?? throw new ArgumentNullException(nameof(decode));
        }

        public Mm2TopicKind Kind { get; }

        public TopicReadSummary Read { get; }

        public DecodeReport Decode { get; }
    }
}
