using System.Collections.Generic;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>A topic: its partitions and the configs given at create time (defaults are not stored).</summary>
    internal sealed class Topic
    {
        private volatile PartitionLog[] _partitions;

        public Topic(string name, PartitionLog[] partitions, IDictionary<string, string> configs)
        {
            Name = name;
            _partitions = partitions;
            Configs = new SortedDictionary<string, string>(configs);
        }

        public string Name { get; }

        public IReadOnlyList<PartitionLog> Partitions => _partitions;

        public IReadOnlyDictionary<string, string> Configs { get; }

        public string ConfigOrDefault(string name) =>
            Configs.TryGetValue(name, out var value) ? value : TopicConfigCatalog.Defaults[name];

        public bool IsLogAppendTime => ConfigOrDefault(TopicConfigCatalog.MessageTimestampType) == "LogAppendTime";

        public int MaxMessageBytes => int.TryParse(ConfigOrDefault(TopicConfigCatalog.MaxMessageBytes), out var value) ? value : 1048588;

        public PartitionLog? Partition(int index)
        {
            var partitions = _partitions;
            return index >= 0 && index < partitions.Length ? partitions[index] : null;
        }

        internal void ReplacePartitions(PartitionLog[] partitions) => _partitions = partitions;
    }
}
