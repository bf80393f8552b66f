using System;

namespace Mm2Dr.Lab.Protocol
{
    /// <summary>
    /// A request that cannot be decoded. Kafka answers these by closing the connection
    /// (k39 SocketServer: InvalidRequestException while parsing ⇒ close), and so does the lab broker.
    /// </summary>
    internal sealed class MalformedRequestException : Exception
    {
        public MalformedRequestException(string message)
            : base(message)
        {
        }
    }
}
