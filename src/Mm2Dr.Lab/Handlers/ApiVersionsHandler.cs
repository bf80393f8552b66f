using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>ApiVersions v0-3 (k39 ApiVersionsRequest/Response.json). Its response header never has tagged fields (KIP-511).</summary>
    internal static class ApiVersionsHandler
    {
        public static void Handle(RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            if (version >= 3)
            {
                reader.ReadCompactNullableString(); // ClientSoftwareName
                reader.ReadCompactNullableString(); // ClientSoftwareVersion
                reader.SkipTaggedFields();
            }

            writer.WriteInt16((short)ErrorCode.None);
            var all = SupportedApiVersions.All;
            if (version >= 3)
            {
                writer.WriteUnsignedVarint((uint)all.Count + 1);
            }
            else
            {
                writer.WriteArrayLength(all.Count);
            }

            foreach (var (key, min, max) in all)
            {
                writer.WriteInt16((short)key);
                writer.WriteInt16(min);
                writer.WriteInt16(max);
                if (version >= 3)
                {
                    writer.WriteEmptyTaggedFields();
                }
            }

            if (version >= 1)
            {
                writer.WriteInt32(0); // ThrottleTimeMs
            }

            if (version >= 3)
            {
                writer.WriteEmptyTaggedFields();
            }
        }

        /// <summary>
        /// Kafka's answer to an ApiVersions version it does not know: v0 body, UNSUPPORTED_VERSION and only its own
        /// ApiVersions range (k39 RequestContext.java:111-116, 153-162; KafkaApis.scala:1982-2000). librdkafka then
        /// retries with v0 (notes §2).
        /// </summary>
        public static void WriteUnsupportedVersion(ResponseWriter writer)
        {
            writer.WriteInt16((short)ErrorCode.UnsupportedVersion);
            writer.WriteArrayLength(1);
            writer.WriteInt16((short)ApiKey.ApiVersions);
            writer.WriteInt16(0);
            writer.WriteInt16(3);
        }
    }
}
