using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Mm2Dr.Core.Completion
{
    /// <summary>
    /// Topic and group names last seen per cluster, for tab completion. Completion must never wait on the network,
    /// so the cache is only filled by commands that talked to the cluster anyway.
    /// </summary>
    public sealed class NameCache
    {
        private readonly ConcurrentDictionary<string, Entry> _topics = new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Entry> _groups = new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);

        public void SetTopics(string bootstrap, IEnumerable<string> names) => _topics[bootstrap] = new Entry(names);

        public void AddTopic(string bootstrap, string name) => _topics.AddOrUpdate(bootstrap, _ => new Entry(new[] { name }), (_, e) => e.With(name));

        public void RemoveTopic(string bootstrap, string name)
        {
            if (_topics.TryGetValue(bootstrap, out var e))
            {
                _topics[bootstrap] = e.Without(name);
            }
        }

        public void SetGroups(string bootstrap, IEnumerable<string> names) => _groups[bootstrap] = new Entry(names);

        public void AddGroup(string bootstrap, string name) => _groups.AddOrUpdate(bootstrap, _ => new Entry(new[] { name }), (_, e) => e.With(name));

        public void RemoveGroup(string bootstrap, string name)
        {
            if (_groups.TryGetValue(bootstrap, out var e))
            {
                _groups[bootstrap] = e.Without(name);
            }
        }

        /// <summary>Cached topic names starting with <paramref name="prefix"/> (case-insensitive), for one cluster or all.</summary>
        public IReadOnlyList<string> Topics(string? bootstrap, string prefix) => Find(_topics, bootstrap, prefix);

        public IReadOnlyList<string> Groups(string? bootstrap, string prefix) => Find(_groups, bootstrap, prefix);

        private static IReadOnlyList<string> Find(ConcurrentDictionary<string, Entry> map, string? bootstrap, string prefix)
        {
            IEnumerable<Entry> entries = bootstrap != null && map.TryGetValue(bootstrap, out var one) ? new[] { one } : bootstrap == null ? map.Values : Enumerable.Empty<Entry>();
            return entries.SelectMany(e => e.Names)
                .Where(n => n.StartsWith(prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();
        }

        private sealed class Entry
        {
            public Entry(IEnumerable<string> names)
            {
                Names = names.Distinct(StringComparer.Ordinal).ToArray();
            }

            public IReadOnlyList<string> Names { get; }

            public Entry With(string name) => new Entry(Names.Concat(new[] { name }));

            public Entry Without(string name) => new Entry(Names.Where(n => n != name));
        }
    }
}
