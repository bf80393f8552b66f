using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>The offset-sync history rebuilt from an offset-syncs topic, with how the read went.</summary>
    public sealed class OffsetSyncSnapshot
    {
        public OffsetSyncSnapshot(OffsetSyncStore store, DecodeReport decode, TopicReadSummary? read)
        {
            Store = store ?? throw new ArgumentNullException(nameof(store));
            Decode = decode ?? throw new ArgumentNullException(nameof(decode));
            Read = read;
        }

        /// <summary>Read to its end (<see cref="OffsetSyncStore.IsReadToEnd"/>), ready to translate.</summary>
        public OffsetSyncStore Store { get; }

        public DecodeReport Decode { get; }

        /// <summary>The topic read, or null when the records were given in memory.</summary>
        public TopicReadSummary? Read { get; }

        public override string ToString() => $"{Store.SyncsApplied} offset syncs for {Store.Partitions.Count} partitions ({Decode})";
    }
}
