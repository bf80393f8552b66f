using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>FindCoordinator v0-2: a single broker coordinates every group (notes §4 common pre-checks).</summary>
    internal static class FindCoordinatorHandler
    {
        private const sbyte GroupKeyType = 0;

        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            reader.ReadString(); // Key
            var keyType = version >= 1 ? reader.ReadInt8() : GroupKeyType;
            if (version >= 1)
            {
                writer.WriteInt32(0); // ThrottleTimeMs
            }

            // Transaction coordinators (key type 1) do not exist here; Kafka reports a coordinator it cannot provide as
            // COORDINATOR_NOT_AVAILABLE (k39 KafkaApis.getCoordinator).
            var error = keyType == GroupKeyType ? ErrorCode.None : ErrorCode.CoordinatorNotAvailable;
            writer.WriteInt16((short)error);
            if (version >= 1)
            {
                writer.WriteNullableString(error == ErrorCode.None ? null : "The lab broker has no transaction coordinator.");
            }

            writer.WriteInt32(error == ErrorCode.None ? context.NodeId : -1);
            writer.WriteString(error == ErrorCode.None ? context.AdvertisedHost : "");
            writer.WriteInt32(error == ErrorCode.None ? context.AdvertisedPort : -1);
        }
    }
}
