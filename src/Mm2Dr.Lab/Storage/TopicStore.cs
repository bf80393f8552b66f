using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>
    /// All topics of the broker. With a data directory each topic is a folder holding <c>topic.properties</c>
    /// (partition count and the configs given at create time) and one <c>&lt;partition&gt;.log</c> per partition.
    /// </summary>
    internal sealed class TopicStore : IDisposable
    {
        private const string TopicFile = "topic.properties";

        private readonly object _gate = new object();
        private readonly Dictionary<string, Topic> _topics = new Dictionary<string, Topic>(StringComparer.Ordinal);
        private readonly string? _root;
        private readonly Action<string>? _log;

        public TopicStore(string? dataDirectory, Action<string>? log)
        {
            _log = log;
            if (dataDirectory != null)
            {
                _root = Path.Combine(dataDirectory, "topics");
                Directory.CreateDirectory(_root);
                LoadAll();
            }
        }

        private void LoadAll()
        {
            foreach (var folder in Directory.GetDirectories(_root!))
            {
                var propertiesPath = Path.Combine(folder, TopicFile);
                if (!File.Exists(propertiesPath))
                {
                    // A create that died before its properties were written never became visible: drop it.
                    Directory.Delete(folder, true);
                    continue;
                }

                var name = Path.GetFileName(folder);
                var (partitionCount, configs) = ReadProperties(propertiesPath);
                var partitions = new PartitionLog[partitionCount];
                for (var p = 0; p < partitionCount; p++)
                {
                    partitions[p] = PartitionLog.OpenFile(name, p, Path.Combine(folder, p + ".log"), _log);
                }

                _topics[name] = new Topic(name, partitions, configs);
            }
        }

        public Topic? Find(string name)
        {
            lock (_gate)
            {
                return _topics.TryGetValue(name, out var topic) ? topic : null;
            }
        }

        public IReadOnlyList<Topic> All()
        {
            lock (_gate)
            {
                return _topics.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            }
        }

        public long MaxProducerId()
        {
            var max = -1L;
            foreach (var topic in All())
            {
                foreach (var partition in topic.Partitions)
                {
                    max = Math.Max(max, partition.MaxProducerId);
                }
            }

            return max;
        }

        /// <summary>Creates a topic; false if it already exists.</summary>
        public bool TryCreate(string name, int partitionCount, IDictionary<string, string> configs, out Topic topic)
        {
            lock (_gate)
            {
                if (_topics.TryGetValue(name, out topic!))
                {
                    return false;
                }

                string? folder = null;
                if (_root != null)
                {
                    folder = Path.Combine(_root, name);
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, true);
                    }

                    Directory.CreateDirectory(folder);
                }

                var partitions = new PartitionLog[partitionCount];
                for (var p = 0; p < partitionCount; p++)
                {
                    partitions[p] = OpenPartition(name, p, folder);
                }

                topic = new Topic(name, partitions, configs);
                if (folder != null)
                {
                    WriteProperties(Path.Combine(folder, TopicFile), partitionCount, topic.Configs);
                }

                _topics[name] = topic;
                return true;
            }
        }

        private PartitionLog OpenPartition(string topic, int partition, string? folder) =>
            folder == null
                ? PartitionLog.CreateInMemory(topic, partition)
                : PartitionLog.OpenFile(topic, partition, Path.Combine(folder, partition + ".log"), _log);

        public void AddPartitions(Topic topic, int newCount)
        {
            lock (_gate)
            {
                var folder = _root == null ? null : Path.Combine(_root, topic.Name);
                var partitions = topic.Partitions.ToList();
                for (var p = partitions.Count; p < newCount; p++)
                {
                    partitions.Add(OpenPartition(topic.Name, p, folder));
                }

                topic.ReplacePartitions(partitions.ToArray());
                if (folder != null)
                {
                    WriteProperties(Path.Combine(folder, TopicFile), newCount, topic.Configs);
                }
            }
        }

        public bool Delete(string name)
        {
            Topic? topic;
            lock (_gate)
            {
                if (!_topics.TryGetValue(name, out topic))
                {
                    return false;
                }

                _topics.Remove(name);
                foreach (var partition in topic.Partitions)
                {
                    partition.Delete();
                }

                if (_root != null)
                {
                    var folder = Path.Combine(_root, name);
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, true);
                    }
                }
            }

            return true;
        }

        private static void WriteProperties(string path, int partitionCount, IReadOnlyDictionary<string, string> configs)
        {
            var text = new StringBuilder();
            text.Append("partitions=").Append(partitionCount).Append('\n');
            foreach (var pair in configs)
            {
                text.Append("config.").Append(pair.Key).Append('=').Append(Uri.EscapeDataString(pair.Value)).Append('\n');
            }

            DurableFile.WriteAllText(path, text.ToString());
        }

        private static (int, Dictionary<string, string>) ReadProperties(string path)
        {
            var partitions = 0;
            var configs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in File.ReadAllLines(path))
            {
                var eq = line.IndexOf('=');
                if (eq < 0)
                {
                    continue;
                }

                var key = line.Substring(0, eq);
                var value = line.Substring(eq + 1);
                if (key == "partitions")
                {
                    partitions = int.Parse(value);
                }
                else if (key.StartsWith("config.", StringComparison.Ordinal))
                {
                    configs[key.Substring("config.".Length)] = Uri.UnescapeDataString(value);
                }
            }

            return (partitions, configs);
        }

        public void Dispose()
        {
            lock (_gate)
            {
                foreach (var topic in _topics.Values)
                {
                    foreach (var partition in topic.Partitions)
                    {
                        partition.Dispose();
                    }
                }
            }
        }
    }
}
