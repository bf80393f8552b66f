using System;
using System.Collections.Generic;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>
    /// Kafka's topic-level configs with their broker defaults (k39 TopicConfig.java / LogConfig.java, ServerLogConfigs).
    /// The lab broker stores and reports them; it enforces only max.message.bytes and message.timestamp.type
    /// (no retention or compaction runs: everything is kept).
    /// </summary>
    internal static class TopicConfigCatalog
    {
        public const string MaxMessageBytes = "max.message.bytes";
        public const string MessageTimestampType = "message.timestamp.type";

        public static readonly IReadOnlyDictionary<string, string> Defaults = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["cleanup.policy"] = "delete",
            ["compression.type"] = "producer",
            ["delete.retention.ms"] = "86400000",
            ["file.delete.delay.ms"] = "60000",
            ["flush.messages"] = "9223372036854775807",
            ["flush.ms"] = "9223372036854775807",
            ["follower.replication.throttled.replicas"] = "",
            ["index.interval.bytes"] = "4096",
            ["leader.replication.throttled.replicas"] = "",
            ["local.retention.bytes"] = "-2",
            ["local.retention.ms"] = "-2",
            [MaxMessageBytes] = "1048588",
            ["message.downconversion.enable"] = "true",
            ["message.format.version"] = "3.0-IV1",
            ["message.timestamp.after.max.ms"] = "9223372036854775807",
            ["message.timestamp.before.max.ms"] = "9223372036854775807",
            ["message.timestamp.difference.max.ms"] = "9223372036854775807",
            [MessageTimestampType] = "CreateTime",
            ["min.cleanable.dirty.ratio"] = "0.5",
            ["min.compaction.lag.ms"] = "0",
            ["max.compaction.lag.ms"] = "9223372036854775807",
            ["min.insync.replicas"] = "1",
            ["preallocate"] = "false",
            ["remote.storage.enable"] = "false",
            ["retention.bytes"] = "-1",
            ["retention.ms"] = "604800000",
            ["segment.bytes"] = "1073741824",
            ["segment.index.bytes"] = "10485760",
            ["segment.jitter.ms"] = "0",
            ["segment.ms"] = "604800000",
            ["unclean.leader.election.enable"] = "false",
        };

        public static bool IsKnown(string name) => Defaults.ContainsKey(name);

        /// <summary>A few values are checked the way Kafka's ConfigDef would refuse them (INVALID_CONFIG).</summary>
        public static string? Validate(string name, string? value)
        {
            if (!IsKnown(name))
            {
                return $"Unknown topic config name: {name}";
            }

            if (value == null)
            {
                return $"Null value not supported for topic configs: {name}";
            }

            switch (name)
            {
                case MessageTimestampType when value != "CreateTime" && value != "LogAppendTime":
                    return $"Invalid value {value} for configuration {name}: String must be one of: CreateTime, LogAppendTime";
                case "cleanup.policy":
                    foreach (var policy in value.Split(','))
                    {
                        var p = policy.Trim();
                        if (p != "delete" && p != "compact")
                        {
                            return $"Invalid value {value} for configuration {name}: String must be one of: compact, delete";
                        }
                    }

                    break;
                case MaxMessageBytes:
                case "retention.ms":
                case "retention.bytes":
                case "segment.bytes":
                case "min.insync.replicas":
                    if (!long.TryParse(value, out _))
                    {
                        return $"Invalid value {value} for configuration {name}: Not a number of type {(name == "retention.ms" || name == "retention.bytes" ? "LONG" : "INT")}";
                    }

                    break;
            }

            return null;
        }
    }
}
