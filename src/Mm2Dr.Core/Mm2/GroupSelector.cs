using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Which consumer groups to keep while reading checkpoints: all, exact names, a wildcard (* and ?) or a regular
    /// expression. Group ids are compared ordinally and case-sensitively, as Kafka and MirrorClient do; patterns must
    /// match the whole id. Immutable and thread-safe.
    /// </summary>
    public sealed class GroupSelector
    {
        private readonly HashSet<string>? _names;
        private readonly Regex? _regex;

        private GroupSelector(string description, HashSet<string>? names, Regex? regex)
        {
            Description = description;
            _names = names;
            _regex = regex;
        }

        public static GroupSelector All { get; } = new GroupSelector("all groups", null, null);

        public string Description { get; }

        public bool IsAll => _names == null && _regex == null;

        /// <summary>Exactly these group ids.</summary>
        public static GroupSelector Exact(params string[] groups)
        {
            if (groups == null || groups.Length == 0)
            {
                throw new ArgumentException("Name at least one consumer group.", nameof(groups));
            }

            var set = new HashSet<string>(groups, StringComparer.Ordinal);
            return new GroupSelector(set.Count == 1 ? $"group '{groups[0]}'" : $"{set.Count} named groups", set, null);
        }

        /// <summary>A wildcard where * matches any run of characters and ? one character, e.g. "orders-*".</summary>
        public static GroupSelector Wildcard(string pattern)
        {
            if (string.IsNullOrEmpty(pattern))
            {
                throw new ArgumentException("A wildcard pattern must not be empty.", nameof(pattern));
            }

            var regex = new StringBuilder("^");
            foreach (var ch in pattern)
            {
                regex.Append(ch switch
                {
                    '*' => ".*",
                    '?' => ".",
                    _ => Regex.Escape(ch.ToString()),
                });
            }

            regex.Append('$');
            return new GroupSelector($"groups like '{pattern}'", null, new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant));
        }

        /// <summary>A .NET regular expression that must match the whole group id (like MM2's groups= filter, which uses Java's matches()).</summary>
        public static GroupSelector Pattern(string regex)
        {
            if (string.IsNullOrEmpty(regex))
            {
                throw new ArgumentException("A group pattern must not be empty.", nameof(regex));
            }

            Regex compiled;
            try
            {
                compiled = new Regex("^(?:" + regex + ")$", RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"'{regex}' is not a valid regular expression: {e.Message}", nameof(regex), e);
            }

            return new GroupSelector($"groups matching /{regex}/", null, compiled);
        }

        public bool Matches(string group)
        {
            if (group == null)
            {
                return false;
            }

            if (_names != null)
            {
                return _names.Contains(group);
            }

            return _regex == null || _regex.IsMatch(group);
        }

        /// <summary>The names of an exact selector, else empty.</summary>
        public IReadOnlyCollection<string> ExactNames => _names != null ? _names.ToArray() : Array.Empty<string>();

        public override string ToString() => Description;
    }
}
