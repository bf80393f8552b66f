namespace Mm2Dr.Lab.Protocol
{
    internal readonly struct RequestHeader
    {
        public RequestHeader(short apiKey, short apiVersion, int correlationId, string? clientId)
        {
            ApiKey = apiKey;
            ApiVersion = apiVersion;
            CorrelationId = correlationId;
            ClientId = clientId;
        }

        public short ApiKey { get; }

        public short ApiVersion { get; }

        public int CorrelationId { get; }

        public string? ClientId { get; }
    }
}
