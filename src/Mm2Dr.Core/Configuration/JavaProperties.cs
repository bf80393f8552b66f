using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Mm2Dr.Core.Configuration
{
    /// <summary>One key/value pair of a .properties file and the line it started on.</summary>
    public sealed class PropertyEntry
    {
        public PropertyEntry(string key, string value, int line)
        {
            Key = key;
            Value = value;
            Line = line;
        }

        public string Key { get; }

        public string Value { get; }

        public int Line { get; }

        public override string ToString() => $"{Key} (line {Line})";
    }

    /// <summary>
    /// Reads the java.util.Properties text format that MM2 reads, with one deliberate strictness: a line that has a key
    /// but neither a separator nor a value is rejected, because in an operator's file it is always a typo.
    /// </summary>
    public sealed class JavaProperties
    {
        private readonly Dictionary<string, PropertyEntry> _entries = new Dictionary<string, PropertyEntry>(StringComparer.Ordinal);
        private readonly List<PropertyEntry> _ordered = new List<PropertyEntry>();

        private JavaProperties(string source)
        {
            Source = source;
        }

        /// <summary>Where the text came from (a path, or a label for in-memory text).</summary>
        public string Source { get; }

        public IReadOnlyList<PropertyEntry> Entries => _ordered;

        public int Count => _entries.Count;

        public bool TryGet(string key, out PropertyEntry entry)
        {
            if (_entries.TryGetValue(key, out var found))
            {
                entry = found;
                return true;
            }

            entry = null!;
            return false;
        }

        public string? Get(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

        public static JavaProperties Load(string path)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            string text;
            try
            {
                text = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ConfigurationException($"Cannot read the file: {ex.Message}", path, 0, null, ex);
            }

            return Parse(text, path);
        }

        public static JavaProperties Parse(string text, string source = "<text>")
        {
            var result = new JavaProperties(source);
            var lines = SplitNaturalLines(text);
            var i = 0;
            while (i < lines.Count)
            {
                var startLine = i + 1;
                var logical = new StringBuilder();
                var first = true;
                while (true)
                {
                    var natural = lines[i];
                    i++;
                    var content = first ? natural : natural.TrimStart(' ', '\t', '\f');
                    if (first)
                    {
                        var trimmed = content.TrimStart(' ', '\t', '\f');
                        if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == '!')
                        {
                            // Comments never continue, even when they end in a backslash.
                            break;
                        }

                        content = trimmed;
                    }

                    first = false;
                    if (EndsWithContinuation(content) && i < lines.Count)
                    {
                        logical.Append(content, 0, content.Length - 1);
                        continue;
                    }

                    if (EndsWithContinuation(content))
                    {
                        content = content.Substring(0, content.Length - 1);
                    }

                    logical.Append(content);
                    break;
                }

                if (logical.Length == 0)
                {
                    continue;
                }

                var entry = ParseLogicalLine(logical.ToString(), startLine, source);
                if (result._entries.ContainsKey(entry.Key))
                {
                    // Java keeps the last value; so do we, but the order list must not hold both.
                    result._ordered.RemoveAll(e => e.Key == entry.Key);
                }

                result._entries[entry.Key] = entry;
                result._ordered.Add(entry);
            }

            return result;
        }

        private static List<string> SplitNaturalLines(string text)
        {
            var lines = new List<string>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' || c == '\n')
                {
                    lines.Add(text.Substring(start, i - start));
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                lines.Add(text.Substring(start));
            }

            if (lines.Count > 0 && lines[0].Length > 0 && lines[0][0] == '\uFEFF')
            {
                lines[0] = lines[0].Substring(1);
            }

            return lines;
        }

        private static bool EndsWithContinuation(string line)
        {
            var backslashes = 0;
            for (var j = line.Length - 1; j >= 0 && line[j] == '\\'; j--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        private static PropertyEntry ParseLogicalLine(string line, int lineNumber, string source)
        {
            var keyEnd = 0;
            var hasSeparator = false;
            var valueStart = line.Length;
            while (keyEnd < line.Length)
            {
                var c = line[keyEnd];
                if (c == '\\')
                {
                    keyEnd += 2;
                    continue;
                }

                if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f')
                {
                    break;
                }

                keyEnd++;
            }

            keyEnd = Math.Min(keyEnd, line.Length);
            var pos = keyEnd;
            while (pos < line.Length && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\f'))
            {
                pos++;
            }

            if (pos < line.Length && (line[pos] == '=' || line[pos] == ':'))
            {
                hasSeparator = true;
                pos++;
                while (pos < line.Length && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\f'))
                {
                    pos++;
                }
            }

            valueStart = pos;
            var rawKey = line.Substring(0, keyEnd);
            var rawValue = line.Substring(valueStart);
            var key = Unescape(rawKey, lineNumber, source);
            if (key.Length == 0)
            {
                throw new ConfigurationException($"The line has no key before '{Excerpt(line)}'. Expected 'key = value'.", source, lineNumber);
            }

            if (!hasSeparator && rawValue.Length == 0)
            {
                throw new ConfigurationException($"'{Excerpt(key)}' has no '=' and no value. Expected 'key = value'.", source, lineNumber, key);
            }

            return new PropertyEntry(key, Unescape(rawValue, lineNumber, source), lineNumber);
        }

        private static string Unescape(string raw, int lineNumber, string source)
        {
            if (raw.IndexOf('\\') < 0)
            {
                return raw;
            }

            var sb = new StringBuilder(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                i++;
                if (i >= raw.Length)
                {
                    break;
                }

                c = raw[i];
                switch (c)
                {
                    case 't': sb.Append('\t'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        var available = Math.Min(4, raw.Length - i - 1);
                        var hex = raw.Substring(i + 1, available);
                        if (hex.Length != 4 || !ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new ConfigurationException($"Malformed \\uxxxx escape '\\u{hex}'. Expected four hexadecimal digits.", source, lineNumber);
                        }

                        sb.Append((char)code);
                        i += 4;
                        break;
                    default:
                        sb.Append(c);
                        break;
                }
            }

            return sb.ToString();
        }

        private static string Excerpt(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
