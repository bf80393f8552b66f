using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Sites;

namespace Mm2Dr.Lab
{
    /// <summary>
    /// Lab brokers of this process as a site: stopping a cluster takes its broker down (connections refused and dropped,
    /// data kept), starting brings it back on the same port. A broker is recognised by its bootstrap address.
    /// </summary>
    public sealed class LabSite : ISite
    {
        private readonly IReadOnlyList<LabBroker> _brokers;

        public LabSite(IEnumerable<LabBroker> brokers)
        {
            _brokers = (brokers ?? throw new ArgumentNullException(nameof(brokers))).ToArray();
        }

        public string Kind => "lab";

        public string Description => "embedded lab brokers in this process";

        public bool Controls(ClusterConnection cluster) => Find(cluster) != null;

        public SiteClusterState GetState(ClusterConnection cluster) => Require(cluster).IsUp ? SiteClusterState.Running : SiteClusterState.Stopped;

        public void Stop(ClusterConnection cluster, CancellationToken cancellation) => Act(cluster, b => b.TakeDown(), "take down");

        public void Start(ClusterConnection cluster, CancellationToken cancellation) => Act(cluster, b => b.BringUp(), "bring back");

        public bool SupportsLatency => true;

        public TimeSpan GetLatency(ClusterConnection cluster) => Require(cluster).AddedLatency;

        public void SetLatency(ClusterConnection cluster, TimeSpan latency) => Act(cluster, b => b.AddedLatency = latency, "slow down");

        private LabBroker? Find(ClusterConnection cluster)
            => cluster == null ? null : _brokers.FirstOrDefault(b => string.Equals(b.BootstrapServers, cluster.BootstrapServers, StringComparison.OrdinalIgnoreCase));

        private LabBroker Require(ClusterConnection cluster) => Find(cluster) ?? throw ClusterControl.NoSite(cluster);

        private void Act(ClusterConnection cluster, Action<LabBroker> action, string verb)
        {
            var broker = Require(cluster);
            try
            {
                action(broker);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
            {
                throw new Mm2DrException(ErrorIds.LabClusterFailed, ErrorKind.OperationFailed,
                    $"Could not {verb} lab cluster '{cluster.Alias}' ({cluster.BootstrapServers}): {e.Message}", cluster.Alias, e);
            }
        }

        public override string ToString() => $"lab site ({string.Join(", ", _brokers.Select(b => b.BootstrapServers))})";
    }
}
