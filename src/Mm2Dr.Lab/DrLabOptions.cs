using System;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Lab
{
    /// <summary>Settings of a <see cref="DrLab"/>: which mm2.properties, which ports, where to keep data.</summary>
    public sealed class DrLabOptions
    {
        /// <summary>The mm2.properties to mirror by; null for the built-in copy of the repository's file.</summary>
        public string? Mm2ConfigPath { get; set; }

        /// <summary>Port of the primary broker; 0 picks a free one (9092 mimics the compose stack).</summary>
        public int PrimaryPort { get; set; }

        /// <summary>Port of the DR broker; 0 picks a free one (9093 mimics the compose stack).</summary>
        public int DrPort { get; set; }

        /// <summary>
        /// Keeps both clusters' data (and so the mirror's position, stored on the DR cluster) in &lt;folder&gt;/&lt;alias&gt;;
        /// null keeps everything in memory.
        /// </summary>
        public string? DataDirectory { get; set; }

        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>Optional sink for what the brokers and the mirror report.</summary>
        public Action<string>? Log { get; set; }

        internal void Validate()
        {
            if (PrimaryPort < 0 || PrimaryPort > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(PrimaryPort), PrimaryPort, "The primary port must be 0 (any free port) to 65535.");
            }

            if (DrPort < 0 || DrPort > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(DrPort), DrPort, "The DR port must be 0 (any free port) to 65535.");
            }

            if (PrimaryPort != 0 && PrimaryPort == DrPort)
            {
                throw new ArgumentException($"The primary and DR clusters cannot both listen on port {PrimaryPort}.", nameof(DrPort));
            }

            if (Clock == null)
            {
                throw new ArgumentNullException(nameof(Clock));
            }
        }
    }
}
