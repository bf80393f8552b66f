using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Mm2Dr.Core.Configuration
{
    /// <summary>
    /// MM2's include/exclude filter for topics and groups: comma-separated Java regexes, each a full match.
    /// An empty include list matches nothing, as in MirrorUtils.compilePatternList.
    /// </summary>
    public sealed class NameFilter
    {
        private readonly Regex? _include;
        private readonly Regex? _exclude;

        public NameFilter(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
        {
            Include = include;
            Exclude = exclude;
            _include = Compile(include);
            _exclude = Compile(exclude);
        }

        public IReadOnlyList<string> Include { get; }

        public IReadOnlyList<string> Exclude { get; }

        public bool Matches(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            return _include != null && _include.IsMatch(name) && (_exclude == null || !_exclude.IsMatch(name));
        }

        /// <summary>Splits MM2's comma list the way ConfigDef.Type.LIST does: trims entries, drops empty ones.</summary>
        public static IReadOnlyList<string> SplitList(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Array.Empty<string>();
            }

            return value!.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
        }

        /// <summary>Throws a clear error for a pattern .NET cannot compile; the caller adds file and line.</summary>
        public static void Validate(IEnumerable<string> patterns)
        {
            foreach (var pattern in patterns)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentException($"'{pattern}' is not a valid regular expression: {ex.Message}", ex);
                }
            }
        }

        private static Regex? Compile(IReadOnlyList<string> patterns)
        {
            if (patterns.Count == 0)
            {
                return null;
            }

            Validate(patterns);
            var joined = string.Join("|", patterns.Select(p => "(?:" + p + ")"));
            return new Regex(@"\A(?:" + joined + @")\z", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }

        public override string ToString() => $"include [{string.Join(", ", Include)}] exclude [{string.Join(", ", Exclude)}]";
    }
}
