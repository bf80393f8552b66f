using System;
using System.Globalization;
using Mm2Dr.Core.Configuration;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// The Connect worker's offset storage of a flow's herder, as MirrorMakerConfig.workerConfig builds it: the top-level
    /// key ("offset.storage.topic") over the target cluster's ("dr.offset.storage.topic"), defaulting to
    /// mm2-offsets.&lt;source&gt;.internal with 25 partitions and replication factor 3.
    /// </summary>
    internal sealed class MirrorPositionsSettings
    {
        private MirrorPositionsSettings(string topic, int partitions, short replicationFactor)
        {
            Topic = topic;
            Partitions = partitions;
            ReplicationFactor = replicationFactor;
        }

        public string Topic { get; }

        public int Partitions { get; }

        public short ReplicationFactor { get; }

        public static MirrorPositionsSettings For(Mm2Config config, string source, string target)
        {
            string? Get(string key) => config.Properties.Get(key) ?? config.Properties.Get(target + "." + key);

            var topic = Get("offset.storage.topic")?.Trim();
            return new MirrorPositionsSettings(
                string.IsNullOrEmpty(topic) ? "mm2-offsets." + source + ".internal" : topic!,
                Number(Get("offset.storage.partitions"), SourcePositionStore.DefaultPartitions, "offset.storage.partitions", config.Source),
                (short)Number(Get("offset.storage.replication.factor"), 3, "offset.storage.replication.factor", config.Source, allowMinusOne: true));
        }

        private static int Number(string? text, int fallback, string key, string file, bool allowMinusOne = false)
        {
            if (text == null)
            {
                return fallback;
            }

            if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && (value >= 1 || (allowMinusOne && value == -1)) && value <= short.MaxValue)
            {
                return value;
            }

            throw new ConfigurationException($"'{text}' is not a valid value for '{key}'. Expected a whole number from 1 to {short.MaxValue}.", file, 0, key);
        }
    }
}
