using System;
using System.Collections.Generic;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>What the lab mirror replicates (an mm2.properties) and how it reaches the clusters.</summary>
    public sealed class LabMirrorOptions
    {
        /// <summary>The MM2 configuration: flows, filters, policy, intervals. Its bootstrap addresses are not used.</summary>
        public Mm2Config Config { get; set; } = null!;

        /// <summary>
        /// How this process reaches each cluster alias (address and client settings). Flows and herders between aliases
        /// not listed here are not run.
        /// </summary>
        public IReadOnlyList<ClusterConnection> Clusters { get; set; } = Array.Empty<ClusterConnection>();

        /// <summary>Time for heartbeats and checkpoint timestamps.</summary>
        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>Optional sink for what the mirror does and what goes wrong (retries, created topics).</summary>
        public Action<string>? Log { get; set; }

        internal void Validate()
        {
            if (Config == null)
            {
                throw new ArgumentException("An MM2 configuration is required.", nameof(Config));
            }

            if (Clusters == null || Clusters.Count < 2)
            {
                throw new ArgumentException("At least two clusters are required.", nameof(Clusters));
            }

            if (Clock == null)
            {
                throw new ArgumentNullException(nameof(Clock));
            }
        }
    }
}
