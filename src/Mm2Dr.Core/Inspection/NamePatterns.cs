using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Names an operator typed for -Group or -Topic: exact names (compared ordinally, as Kafka does) and PowerShell-style
    /// wildcards (* ? [a-z], case-insensitive, as PowerShell users expect). No names means every name. Only wildcards make
    /// a caller list what exists; exact names never need a listing.
    /// </summary>
    public sealed class NamePatterns
    {
        private readonly HashSet<string> _exact;
        private readonly IReadOnlyList<string> _wildcards;
        private readonly Regex? _wildcardRegex;

        private NamePatterns(HashSet<string> exact, IReadOnlyList<string> wildcards)
        {
            _exact = exact;
            _wildcards = wildcards;
            _wildcardRegex = wildcards.Count == 0 ? null : new Regex(WildcardAlternation(wildcards), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public static NamePatterns All { get; } = new NamePatterns(new HashSet<string>(StringComparer.Ordinal), Array.Empty<string>());

        /// <summary>Null or empty means <see cref="All"/>; blank entries are refused.</summary>
        public static NamePatterns Parse(IEnumerable<string>? names)
        {
            var list = names?.ToList() ?? new List<string>();
            if (list.Count == 0)
            {
                return All;
            }

            if (list.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException("A name must not be empty.", nameof(names));
            }

            var exact = new HashSet<string>(list.Where(n => !IsWildcard(n)), StringComparer.Ordinal);
            var wildcards = list.Where(IsWildcard).Distinct(StringComparer.Ordinal).ToArray();
            return new NamePatterns(exact, wildcards);
        }

        /// <summary>True for a name with * ? or [ in it, like PowerShell's WildcardPattern.ContainsWildcardCharacters.</summary>
        public static bool IsWildcard(string name) => name != null && name.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

        public bool IsAll => _exact.Count == 0 && _wildcards.Count == 0;

        /// <summary>Whether matching needs to know every name that exists (a listing).</summary>
        public bool NeedsListing => IsAll || _wildcards.Count > 0;

        public IReadOnlyCollection<string> ExactNames => _exact;

        public IReadOnlyList<string> Wildcards => _wildcards;

        public bool Matches(string name)
        {
            if (name == null)
            {
                return false;
            }

            return IsAll || _exact.Contains(name) || (_wildcardRegex != null && _wildcardRegex.IsMatch(name));
        }

        /// <summary>The same selection for the one-pass checkpoint read.</summary>
        public GroupSelector ToGroupSelector()
        {
            if (IsAll)
            {
                return GroupSelector.All;
            }

            if (_wildcards.Count == 0)
            {
                return GroupSelector.Exact(_exact.ToArray());
            }

            var alternatives = _exact.Select(Regex.Escape).Concat(new[] { WildcardAlternation(_wildcards, anchored: false) });
            return GroupSelector.Pattern(string.Join("|", alternatives));
        }

        private static string WildcardAlternation(IEnumerable<string> wildcards, bool anchored = true)
        {
            var body = "(?i:" + string.Join("|", wildcards.Select(ToRegex)) + ")";
            return anchored ? "^" + body + "$" : body;
        }

        // PowerShell's wildcard language: * any run, ? one character, [abc] / [a-z] a set, ` escapes the next character.
        private static string ToRegex(string wildcard)
        {
            var regex = new StringBuilder("(?:");
            for (var i = 0; i < wildcard.Length; i++)
            {
                var c = wildcard[i];
                switch (c)
                {
                    case '`' when i + 1 < wildcard.Length:
                        regex.Append(Regex.Escape(wildcard[++i].ToString()));
                        break;
                    case '*':
                        regex.Append(".*");
                        break;
                    case '?':
                        regex.Append('.');
                        break;
                    case '[':
                        var close = wildcard.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            regex.Append(@"\[");
                            break;
                        }

                        var set = wildcard.Substring(i + 1, close - i - 1).Replace(@"\", @"\\").Replace("^", @"\^").Replace("[", @"\[");
                        regex.Append('[').Append(set).Append(']');
                        i = close;
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return regex.Append(')').ToString();
        }

        public override string ToString()
            => IsAll ? "all" : string.Join(", ", _exact.OrderBy(n => n, StringComparer.Ordinal).Concat(_wildcards).Select(n => "'" + n + "'"));
    }
}
