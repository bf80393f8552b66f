using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Mm2Dr.Lab.Groups;
using Mm2Dr.Lab.Storage;

namespace Mm2Dr.Lab
{
    /// <summary>Everything request handlers share: options, identity, topics, the group coordinator and producer ids.</summary>
    internal sealed class BrokerContext : IDisposable
    {
        private const string MetaFile = "meta.properties";
        private const string LockFile = ".lock";

        private readonly object _producerIdGate = new object();
        private long _nextProducerId;
        private readonly FileStream? _directoryLock;

        public BrokerContext(LabBrokerOptions options)
        {
            Options = options;
            NodeId = options.NodeId;
            Log = options.Log;
            string? persistedClusterId = null;
            long persistedNextProducerId = 0;
            if (options.DataDirectory != null)
            {
                Directory.CreateDirectory(options.DataDirectory);
                _directoryLock = LockDirectory(options.DataDirectory);
                (persistedClusterId, persistedNextProducerId) = ReadMeta(Path.Combine(options.DataDirectory, MetaFile));
            }

            ClusterId = options.ClusterIdWasSet ? options.ClusterId : persistedClusterId ?? options.ClusterId;
            try
            {
                Topics = new TopicStore(options.DataDirectory, Log);
                Groups = new GroupCoordinator(options.DataDirectory, options.InitialRebalanceDelay, Log);
                _nextProducerId = Math.Max(persistedNextProducerId, Topics.MaxProducerId() + 1);
                SaveMeta();
            }
            catch
            {
                Topics?.Dispose();
                _directoryLock?.Dispose();
                throw;
            }
        }

        public LabBrokerOptions Options { get; }

        public int NodeId { get; }

        public string ClusterId { get; }

        public string AdvertisedHost { get; set; } = "127.0.0.1";

        public int AdvertisedPort { get; set; }

        public TopicStore Topics { get; }

        public GroupCoordinator Groups { get; }

        public Action<string>? Log { get; }

        /// <summary>Extra delay before every response, in ticks (read on each response, so changes apply at once).</summary>
        public long AddedLatencyTicks;

        /// <summary>
        /// Like Kafka's log-dir .lock: two brokers appending to the same files would corrupt them. On Linux .NET takes
        /// an advisory lock for FileShare.None; on Windows the sharing mode itself refuses the second opener.
        /// </summary>
        private static FileStream LockDirectory(string directory)
        {
            try
            {
                return new FileStream(Path.Combine(directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"The data directory '{directory}' is in use by another lab broker.", e);
            }
        }

        public long AllocateProducerId()
        {
            lock (_producerIdGate)
            {
                var id = _nextProducerId++;
                SaveMeta();
                return id;
            }
        }

        private void SaveMeta()
        {
            if (Options.DataDirectory == null)
            {
                return;
            }

            DurableFile.WriteAllText(Path.Combine(Options.DataDirectory, MetaFile),
                $"cluster.id={ClusterId}\nnode.id={NodeId}\nnext.producer.id={Interlocked.Read(ref _nextProducerId)}\n");
        }

        private static (string?, long) ReadMeta(string path)
        {
            if (!File.Exists(path))
            {
                return (null, 0);
            }

            var values = new Dictionary<string, string>();
            foreach (var line in File.ReadAllLines(path))
            {
                var eq = line.IndexOf('=');
                if (eq > 0)
                {
                    values[line.Substring(0, eq)] = line.Substring(eq + 1);
                }
            }

            values.TryGetValue("cluster.id", out var clusterId);
            long.TryParse(values.TryGetValue("next.producer.id", out var next) ? next : "0", out var nextProducerId);
            return (clusterId, nextProducerId);
        }

        public void Dispose()
        {
            Groups.Dispose();
            Topics.Dispose();
            _directoryLock?.Dispose();
        }
    }
}
