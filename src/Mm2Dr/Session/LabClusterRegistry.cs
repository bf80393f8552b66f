using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Lab;

namespace Mm2Dr.Session
{
    /// <summary>Lab brokers this session started, by name, so that later commands can find, take down and stop them.</summary>
    internal sealed class LabClusterRegistry
    {
        private readonly Dictionary<string, Entry> _clusters = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);

        public bool Contains(string name)
        {
            lock (_clusters)
            {
                return _clusters.ContainsKey(name);
            }
        }

        public void Add(string name, LabBroker broker, string? dataDirectory)
        {
            lock (_clusters)
            {
                if (_clusters.ContainsKey(name))
                {
                    throw new InvalidOperationException($"A lab cluster named '{name}' is already running in this session.");
                }

                _clusters[name] = new Entry(broker, dataDirectory);
            }
        }

        public bool TryGet(string name, out LabBroker broker, out string? dataDirectory)
        {
            lock (_clusters)
            {
                if (_clusters.TryGetValue(name, out var entry))
                {
                    broker = entry.Broker;
                    dataDirectory = entry.DataDirectory;
                    return true;
                }
            }

            broker = null!;
            dataDirectory = null;
            return false;
        }

        public bool Remove(string name)
        {
            lock (_clusters)
            {
                return _clusters.Remove(name);
            }
        }

        /// <summary>The brokers themselves, for outage control of lab clusters named by address.</summary>
        public IReadOnlyList<LabBroker> Brokers()
        {
            lock (_clusters)
            {
                return _clusters.Values.Select(e => e.Broker).ToArray();
            }
        }

        public IReadOnlyList<LabClusterInfo> Snapshot()
        {
            lock (_clusters)
            {
                return _clusters.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(kv => new LabClusterInfo(kv.Key, kv.Value.Broker, kv.Value.DataDirectory)).ToArray();
            }
        }

        private sealed class Entry
        {
            public Entry(LabBroker broker, string? dataDirectory)
            {
                Broker = broker;
                DataDirectory = dataDirectory;
            }

            public LabBroker Broker { get; }

            public string? DataDirectory { get; }
        }
    }
}
