using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>DeleteGroups v0-1 (rules: notes §5 (e)).</summary>
    internal static class DeleteGroupsHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var count = reader.ReadArrayCount(2);
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(reader.ReadString());
            }

            writer.WriteInt32(0);
            writer.WriteArrayLength(ids.Count);
            foreach (var id in ids)
            {
                writer.WriteString(id);
                writer.WriteInt16((short)context.Groups.DeleteGroup(id));
            }
        }
    }
}
