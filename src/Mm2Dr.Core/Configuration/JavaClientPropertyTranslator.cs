using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Mm2Dr.Core.Configuration
{
    /// <summary>
    /// Turns the Java client settings MM2 uses for a cluster into librdkafka properties, so that the operator's
    /// tools authenticate the same way MM2 does. What has no librdkafka equivalent is reported, not guessed.
    /// </summary>
    public static class JavaClientPropertyTranslator
    {
        private static readonly Regex JaasOption = new Regex("(?<name>username|password)\\s*=\\s*\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);

        private static readonly HashSet<string> SameName = new HashSet<string>(StringComparer.Ordinal)
        {
            "security.protocol",
            "sasl.mechanism",
            "sasl.kerberos.service.name",
            "ssl.endpoint.identification.algorithm",
            "ssl.cipher.suites",
            "ssl.key.password",
        };

        /// <summary>Translates; <paramref name="warnings"/> receives one line per setting that was not carried over (no values).</summary>
        public static IReadOnlyDictionary<string, string> Translate(IReadOnlyDictionary<string, string> java, ICollection<string> warnings)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            java.TryGetValue("ssl.truststore.type", out var truststoreType);
            java.TryGetValue("ssl.keystore.type", out var keystoreType);
            foreach (var kv in java)
            {
                var key = kv.Key;
                var value = kv.Value;
                if (SameName.Contains(key))
                {
                    result[key] = key == "ssl.endpoint.identification.algorithm" && value.Trim().Length == 0 ? "none" : value.Trim();
                    continue;
                }

                switch (key)
                {
                    case "sasl.jaas.config":
                        foreach (Match m in JaasOption.Matches(value))
                        {
                            result["sasl." + m.Groups["name"].Value] = Regex.Unescape(m.Groups["value"].Value);
                        }

                        if (!result.ContainsKey("sasl.username"))
                        {
                            warnings.Add("sasl.jaas.config has no username=\"…\" option; set sasl.username and sasl.password with -KafkaConfig.");
                        }

                        break;
                    case "ssl.truststore.location" when string.Equals(truststoreType, "PEM", StringComparison.OrdinalIgnoreCase):
                        result["ssl.ca.location"] = value.Trim();
                        break;
                    case "ssl.truststore.certificates":
                        result["ssl.ca.pem"] = value;
                        break;
                    case "ssl.keystore.location" when string.Equals(keystoreType, "PEM", StringComparison.OrdinalIgnoreCase):
                        result["ssl.certificate.location"] = value.Trim();
                        break;
                    case "ssl.keystore.certificate.chain":
                        result["ssl.certificate.pem"] = value;
                        break;
                    case "ssl.keystore.key":
                        result["ssl.key.pem"] = value;
                        break;
                    case "ssl.truststore.type":
                    case "ssl.keystore.type":
                    case "sasl.login.callback.handler.class":
                        break;
                    default:
                        warnings.Add($"'{key}' has no librdkafka equivalent here and was not applied (JKS stores need PEM files: set ssl.ca.location with -KafkaConfig).");
                        break;
                }
            }

            return result;
        }
    }
}
