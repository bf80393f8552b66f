using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Errors;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// The primary topics an inspection covers: what -Topic names (exact names, DR names such as "primary.orders", or
    /// wildcards), limited to what the flow replicates. Names that match nothing become per-item errors, names MM2 does
    /// not replicate become warnings.
    /// </summary>
    public sealed class TopicSelection
    {
        private readonly Mm2FlowLayout _layout;
        private readonly HashSet<string>? _named;

        private TopicSelection(Mm2FlowLayout layout, HashSet<string>? named, IReadOnlyList<string> existing, IReadOnlyList<Mm2DrException> errors, IReadOnlyList<string> warnings)
        {
            _layout = layout;
            _named = named;
            Existing = existing;
            Errors = errors;
            Warnings = warnings;
        }

        /// <summary>No -Topic: every topic the flow replicates.</summary>
        public bool IsAll => _named == null;

        /// <summary>Selected topics that exist on the primary, ordinal order.</summary>
        public IReadOnlyList<string> Existing { get; }

        public IReadOnlyList<Mm2DrException> Errors { get; }

        public IReadOnlyList<string> Warnings { get; }

        /// <summary>Whether a primary topic is covered (it need not exist any more: checkpoints outlive topics).</summary>
        public bool Contains(string sourceTopic) => _layout.Replicates(sourceTopic) && (_named == null || _named.Contains(sourceTopic));

        public static TopicSelection Resolve(NamePatterns patterns, IReadOnlyDictionary<string, int> primaryTopics, Mm2FlowLayout layout)
        {
            if (patterns == null || primaryTopics == null || layout == null)
            {
                throw new ArgumentNullException(patterns == null ? nameof(patterns) : primaryTopics == null ? nameof(primaryTopics) : nameof(layout));
            }

            if (patterns.IsAll)
            {
                var all = primaryTopics.Keys.Where(layout.Replicates).OrderBy(t => t, StringComparer.Ordinal).ToArray();
                return new TopicSelection(layout, null, all, Array.Empty<Mm2DrException>(), Array.Empty<string>());
            }

            var named = new HashSet<string>(StringComparer.Ordinal);
            var errors = new List<Mm2DrException>();
            var warnings = new List<string>();
            var primary = layout.Primary;
            foreach (var name in patterns.ExactNames.OrderBy(n => n, StringComparer.Ordinal))
            {
                var resolved = primaryTopics.ContainsKey(name) ? name : layout.Naming.SourceTopicFor(name);
                if (resolved == null || !primaryTopics.ContainsKey(resolved))
                {
                    errors.Add(new Mm2DrException(ErrorIds.TopicNotFound, ErrorKind.NotFound,
                        $"Topic '{name}' does not exist on cluster '{primary.Alias}' ({primary.BootstrapServers}). Name topics as they are on the primary (or by their DR name, e.g. '{layout.RemoteTopicFor("orders")}').", name));
                    continue;
                }

                named.Add(resolved);
            }

            // A wildcard quietly takes only what the flow replicates; an exact name that it does not replicate is worth a warning.
            foreach (var topic in primaryTopics.Keys)
            {
                if (patterns.Wildcards.Count > 0 && patterns.Matches(topic) && layout.Replicates(topic))
                {
                    named.Add(topic);
                }
            }

            foreach (var topic in named.Where(t => !layout.Replicates(t)).OrderBy(t => t, StringComparer.Ordinal))
            {
                warnings.Add($"Topic '{topic}' is not replicated by flow {layout.FlowName} (MM2's topic filter, an internal topic, or a topic that came from '{layout.Dr.Alias}'), so MM2 keeps no offsets for it on DR.");
            }

            var existing = named.Where(layout.Replicates).OrderBy(t => t, StringComparer.Ordinal).ToArray();
            return new TopicSelection(layout, named, existing, errors, warnings);
        }
    }
}
