using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Sites;
using Mm2Dr.Lab;

namespace Mm2Dr.Base
{
    /// <summary>
    /// A cmdlet that stops, starts or inspects clusters where they run. The site comes from the session's DR environment
    /// (the DR lab's, or later a container site); lab clusters of this session (Start-KafkaLabCluster) are found by
    /// their address too. Nothing here knows how a site works.
    /// </summary>
    public abstract class SiteCmdlet : Mm2DrCmdlet
    {
        /// <summary>Primary, DR or an alias, as every -Cluster of the module; the error lists what would have matched.</summary>
        protected ClusterConnection ResolveCluster(string name)
        {
            try
            {
                return Session.Environment.Resolve(name);
            }
            catch (ArgumentException ex)
            {
                throw new Mm2DrException(ErrorIds.UnknownCluster, ErrorKind.InvalidArgument, ex.Message, name, ex);
            }
        }

        /// <summary>The site that runs the cluster, or null when the session knows none.</summary>
        protected ISite? FindSite(ClusterConnection cluster)
        {
            var environmentSite = Session.Environment.Site;
            if (environmentSite != null && environmentSite.Controls(cluster))
            {
                return environmentSite;
            }

            var labClusters = new LabSite(Session.LabClusters.Brokers());
            return labClusters.Controls(cluster) ? labClusters : null;
        }

        /// <summary>Outage control for the cluster; <see cref="ErrorIds.SiteNotAvailable"/> when no site runs it.</summary>
        protected ClusterControl Control(ClusterConnection cluster)
        {
            var site = FindSite(cluster) ?? throw ClusterControl.NoSite(cluster);
            return new ClusterControl(site);
        }

        /// <summary>Each name once, in the order given (Primary and its alias name one cluster).</summary>
        protected IEnumerable<ClusterConnection> ResolveClusters(IEnumerable<string> names)
            => names.Select(ResolveCluster).GroupBy(c => c.BootstrapServers, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();

        protected string Describe(ClusterConnection cluster) => $"cluster '{cluster.Alias}' ({cluster.BootstrapServers})";
    }
}
