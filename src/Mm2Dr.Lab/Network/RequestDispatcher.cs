using System.Threading;
using System.Threading.Tasks;
using Mm2Dr.Lab.Handlers;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Network
{
    /// <summary>Decodes a request header and hands the body to its handler; returns the response, or null for none.</summary>
    internal static class RequestDispatcher
    {
        public static async Task<ResponseWriter?> Dispatch(BrokerContext context, byte[] frame, int offset, int length, string clientHost, CancellationToken cancellation)
        {
            var reader = new KafkaReader(frame, offset, length);
            var apiKey = reader.ReadInt16();
            var apiVersion = reader.ReadInt16();
            var correlationId = reader.ReadInt32();
            var clientId = reader.ReadNullableString();
            var header = new RequestHeader(apiKey, apiVersion, correlationId, clientId);

            if (apiKey == (short)ApiKey.ApiVersions && !SupportedApiVersions.IsSupported(apiKey, apiVersion))
            {
                // Newer ApiVersions: unparsed, answered in v0 format (k39 RequestContext.java:111-116).
                var unsupported = new ResponseWriter(correlationId, false);
                ApiVersionsHandler.WriteUnsupportedVersion(unsupported);
                return unsupported;
            }

            if (!SupportedApiVersions.IsKnown(apiKey))
            {
                // Kafka cannot parse a header with an unknown key and closes the connection (k39 SocketServer.parseRequestHeader).
                throw new MalformedRequestException($"Unknown API key {apiKey}.");
            }

            if (!SupportedApiVersions.IsSupported(apiKey, apiVersion))
            {
                // Kafka refuses to parse an unsupported version of any other API and closes the connection
                // (k39 RequestContext.parseRequest ⇒ InvalidRequestException). Clients never send one: they pick
                // from the ranges advertised by ApiVersions.
                throw new MalformedRequestException($"Unsupported version {apiVersion} of API {(ApiKey)apiKey}.");
            }

            if (SupportedApiVersions.IsFlexible(apiKey, apiVersion))
            {
                reader.SkipTaggedFields(); // request header v2
            }

            var writer = new ResponseWriter(correlationId, false);
            try
            {
                switch ((ApiKey)apiKey)
                {
                    case ApiKey.ApiVersions:
                        ApiVersionsHandler.Handle(header, reader, writer);
                        break;
                    case ApiKey.Metadata:
                        MetadataHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.Produce:
                        if (!ProduceHandler.Handle(context, header, reader, writer))
                        {
                            writer.Dispose();
                            return null;
                        }

                        break;
                    case ApiKey.Fetch:
                        await FetchHandler.Handle(context, header, reader, writer, cancellation).ConfigureAwait(false);
                        break;
                    case ApiKey.ListOffsets:
                        ListOffsetsHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.InitProducerId:
                        InitProducerIdHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.FindCoordinator:
                        FindCoordinatorHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.JoinGroup:
                        await JoinGroupHandler.Handle(context, header, reader, writer, clientHost).ConfigureAwait(false);
                        break;
                    case ApiKey.SyncGroup:
                        await SyncGroupHandler.Handle(context, header, reader, writer).ConfigureAwait(false);
                        break;
                    case ApiKey.Heartbeat:
                        HeartbeatHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.LeaveGroup:
                        LeaveGroupHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.OffsetCommit:
                        OffsetCommitHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.OffsetFetch:
                        OffsetFetchHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.ListGroups:
                        ListGroupsHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.DescribeGroups:
                        DescribeGroupsHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.DeleteGroups:
                        DeleteGroupsHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.OffsetDelete:
                        OffsetDeleteHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.CreateTopics:
                        CreateTopicsHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.DeleteTopics:
                        DeleteTopicsHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.CreatePartitions:
                        CreatePartitionsHandler.Handle(context, header, reader, writer);
                        break;
                    case ApiKey.DescribeConfigs:
                        DescribeConfigsHandler.Handle(context, header, reader, writer);
                        break;
                    default:
                        throw new MalformedRequestException($"API {(ApiKey)apiKey} has no handler.");
                }
            }
            catch
            {
                writer.Dispose();
                throw;
            }

            return writer;
        }
    }
}
