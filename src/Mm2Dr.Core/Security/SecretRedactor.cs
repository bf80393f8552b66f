using System;
using System.Collections.Generic;
using System.Linq;

namespace Mm2Dr.Core.Security
{
    /// <summary>Keeps passwords, keys and tokens out of anything a user, a log or a transcript can see.</summary>
    public static class SecretRedactor
    {
        public const string Mask = "********";

        private static readonly string[] SecretMarkers =
        {
            "password", "secret", "jaas", "token", "credential", "ssl.key.pem", "ssl.keystore.key", "ssl_key", "sasl.oauthbearer.config", "private",
        };

        /// <summary>True for configuration keys whose values must never be shown.</summary>
        public static bool IsSecretKey(string key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return false;
            }

            var lower = key.ToLowerInvariant();
            return SecretMarkers.Any(m => lower.Contains(m)) || lower.EndsWith(".key", StringComparison.Ordinal);
        }

        /// <summary>A copy of <paramref name="properties"/> whose secret values are masked.</summary>
        public static IReadOnlyDictionary<string, string> MaskProperties(IEnumerable<KeyValuePair<string, string>> properties)
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in properties)
            {
                result[kv.Key] = IsSecretKey(kv.Key) ? Mask : kv.Value;
            }

            return result;
        }

        /// <summary>The secret values among <paramref name="properties"/>, for <see cref="Redact"/>.</summary>
        public static IReadOnlyList<string> SecretValues(IEnumerable<KeyValuePair<string, string>> properties)
            => properties.Where(kv => IsSecretKey(kv.Key) && !string.IsNullOrEmpty(kv.Value)).Select(kv => kv.Value).Distinct().ToArray();

        /// <summary>Replaces every occurrence of a secret value in a message (librdkafka errors sometimes echo configuration).</summary>
        public static string Redact(string? text, IEnumerable<string> secrets)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            var result = text!;
            foreach (var secret in secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
            {
                result = result.Replace(secret, Mask);
            }

            return result;
        }
    }
}
