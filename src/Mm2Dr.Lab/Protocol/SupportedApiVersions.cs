using System.Collections.Generic;

namespace Mm2Dr.Lab.Protocol
{
    /// <summary>
    /// The version ranges the lab broker advertises and accepts. They are chosen so that neither librdkafka 2.0.2
    /// (kcat) nor 2.16 (Confluent.Kafka) ever picks a flexible version except ApiVersions v3, and so that 2.0.2's
    /// feature probes (which need e.g. FindCoordinator 0, InitProducerId 0, Produce 3 and 7, Fetch 4 and 10) all
    /// pass (notes §1.2 and §9; lrd202 feature.c overlap test).
    /// </summary>
    internal static class SupportedApiVersions
    {
        public static readonly IReadOnlyList<(ApiKey Key, short Min, short Max)> All = new[]
        {
            (ApiKey.Produce, (short)3, (short)7),
            (ApiKey.Fetch, (short)4, (short)11),
            (ApiKey.ListOffsets, (short)1, (short)5),
            (ApiKey.Metadata, (short)1, (short)8),
            (ApiKey.OffsetCommit, (short)0, (short)7),
            (ApiKey.OffsetFetch, (short)1, (short)5),
            (ApiKey.FindCoordinator, (short)0, (short)2),
            (ApiKey.JoinGroup, (short)0, (short)5),
            (ApiKey.Heartbeat, (short)0, (short)3),
            (ApiKey.LeaveGroup, (short)0, (short)1),
            (ApiKey.SyncGroup, (short)0, (short)3),
            (ApiKey.DescribeGroups, (short)0, (short)4),
            (ApiKey.ListGroups, (short)0, (short)2),
            (ApiKey.ApiVersions, (short)0, (short)3),
            (ApiKey.CreateTopics, (short)0, (short)4),
            (ApiKey.DeleteTopics, (short)0, (short)3),
            (ApiKey.InitProducerId, (short)0, (short)1),
            (ApiKey.DescribeConfigs, (short)0, (short)1),
            (ApiKey.CreatePartitions, (short)0, (short)1),
            (ApiKey.DeleteGroups, (short)0, (short)1),
            (ApiKey.OffsetDelete, (short)0, (short)0),
        };

        private static readonly Dictionary<short, (short Min, short Max)> ByKey = Build();

        private static Dictionary<short, (short, short)> Build()
        {
            var map = new Dictionary<short, (short, short)>();
            foreach (var (key, min, max) in All)
            {
                map[(short)key] = (min, max);
            }

            return map;
        }

        public static bool IsKnown(short apiKey) => ByKey.ContainsKey(apiKey);

        public static bool IsSupported(short apiKey, short version) =>
            ByKey.TryGetValue(apiKey, out var range) && version >= range.Min && version <= range.Max;

        /// <summary>Only ApiVersions v3 uses the flexible (tagged-field) encoding among the advertised versions.</summary>
        public static bool IsFlexible(short apiKey, short version) => apiKey == (short)ApiKey.ApiVersions && version >= 3;
    }
}
