using System;

namespace Mm2Dr.Lab.Storage
{
    internal static class ClusterIds
    {
        /// <summary>Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding (22 characters).</summary>
        public static string New() =>
            Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
