using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>InitProducerId v0-1 for idempotent (non-transactional) producers: a fresh id with epoch 0 (notes §3.1).</summary>
    internal static class InitProducerIdHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var transactionalId = reader.ReadNullableString();
            reader.ReadInt32(); // TransactionTimeoutMs
            writer.WriteInt32(0); // ThrottleTimeMs
            if (transactionalId != null)
            {
                // The lab broker has no transaction coordinator. Kafka answers a transactional id it may not
                // coordinate with NOT_COORDINATOR; clients then look for a transaction coordinator, which the lab
                // broker does not offer (FindCoordinator key type 1 is refused), so transactions fail cleanly.
                writer.WriteInt16((short)ErrorCode.NotCoordinator);
                writer.WriteInt64(-1);
                writer.WriteInt16(-1);
                return;
            }

            writer.WriteInt16((short)ErrorCode.None);
            writer.WriteInt64(context.AllocateProducerId());
            writer.WriteInt16(0);
        }
    }
}
