using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>
    /// Idempotent-producer bookkeeping for one partition: per producer id the epoch and the last five batches, so a
    /// retried batch is answered with its original offsets and a gap is refused
    /// (k39 ProducerStateEntry.java:36 NUM_BATCHES_TO_RETAIN = 5; ProducerAppendInfo.checkSequence; UnifiedLog.scala:1041-1048).
    /// </summary>
    internal sealed class ProducerState
    {
        private const int RetainedBatches = 5;

        private readonly Dictionary<long, Entry> _producers = new Dictionary<long, Entry>();

        private sealed class Entry
        {
            public short Epoch;
            public readonly Queue<(int FirstSeq, int LastSeq, long BaseOffset)> Batches = new Queue<(int, int, long)>();
        }

        public long MaxProducerId { get; private set; } = -1;

        /// <summary>Checks a batch before it is appended.</summary>
        /// <returns>NONE with <paramref name="duplicateOf"/> set for a retried batch, NONE with -1 for a new one, or the error.</returns>
        public ErrorCode Check(long producerId, short epoch, int firstSeq, int lastSeq, out long duplicateOf)
        {
            duplicateOf = -1;
            if (!_producers.TryGetValue(producerId, out var entry))
            {
                // No state (new producer): Kafka accepts any sequence when the current epoch is unknown
                // (k39 ProducerAppendInfo.checkSequence, "currentEntry.producerEpoch() == NO_PRODUCER_EPOCH").
                return ErrorCode.None;
            }

            if (epoch < entry.Epoch)
            {
                // k39 ProducerAppendInfo.checkProducerEpoch: older epoch ⇒ InvalidProducerEpochException.
                return ErrorCode.InvalidProducerEpoch;
            }

            if (epoch > entry.Epoch)
            {
                // A bumped epoch must restart at sequence 0 (k39 ProducerAppendInfo.checkSequence "Invalid sequence number for new epoch").
                return firstSeq == 0 ? ErrorCode.None : ErrorCode.OutOfOrderSequenceNumber;
            }

            foreach (var batch in entry.Batches)
            {
                if (batch.FirstSeq == firstSeq && batch.LastSeq == lastSeq)
                {
                    // k39 UnifiedLog.analyzeAndValidateProducerState: duplicate ⇒ original offsets, no error.
                    duplicateOf = batch.BaseOffset;
                    return ErrorCode.None;
                }
            }

            var last = LastSequence(entry);
            var inSequence = firstSeq == last + 1L || (firstSeq == 0 && last == int.MaxValue);
            return inSequence ? ErrorCode.None : ErrorCode.OutOfOrderSequenceNumber;
        }

        public void Record(long producerId, short epoch, int firstSeq, int lastSeq, long baseOffset)
        {
            if (!_producers.TryGetValue(producerId, out var entry))
            {
                entry = new Entry();
                _producers[producerId] = entry;
            }

            if (epoch != entry.Epoch)
            {
                entry.Batches.Clear();
                entry.Epoch = epoch;
            }

            entry.Batches.Enqueue((firstSeq, lastSeq, baseOffset));
            while (entry.Batches.Count > RetainedBatches)
            {
                entry.Batches.Dequeue();
            }

            if (producerId > MaxProducerId)
            {
                MaxProducerId = producerId;
            }
        }

        private static int LastSequence(Entry entry)
        {
            var last = -1;
            foreach (var batch in entry.Batches)
            {
                last = batch.LastSeq;
            }

            return last;
        }

        public void Clear() => _producers.Clear();
    }
}
