namespace Mm2Dr.Core.Configuration
{
    /// <summary>A replication flow "source->target" declared in mm2.properties.</summary>
    public sealed class Mm2Flow
    {
        public Mm2Flow(string source, string target, bool enabled, int line)
        {
            Source = source;
            Target = target;
            Enabled = enabled;
            Line = line;
        }

        public string Source { get; }

        public string Target { get; }

        public bool Enabled { get; }

        /// <summary>The line of the "source->target.enabled" key, 0 when the flow was only implied.</summary>
        public int Line { get; }

        public string Name => Source + "->" + Target;

        public override string ToString() => Name + (Enabled ? " (enabled)" : " (disabled)");
    }
}
