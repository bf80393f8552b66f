using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Mm2Dr.Lab.Groups
{
    /// <summary>
    /// The lab broker's stand-in for __consumer_offsets: an append-only file of offset commits, offset deletions,
    /// group snapshots (written when a generation becomes Stable or Empty) and group deletions. Each record is
    /// length-prefixed so a torn tail is detected and dropped. On open the file is replayed and rewritten compactly.
    /// </summary>
    internal sealed class CoordinatorJournal : IDisposable
    {
        private const string FileName = "groups.journal";
        private const byte OffsetCommitRecord = 1;
        private const byte OffsetDeleteRecord = 2;
        private const byte GroupSnapshotRecord = 3;
        private const byte GroupDeleteRecord = 4;

        private readonly FileStream _file;

        private CoordinatorJournal(FileStream file)
        {
            _file = file;
        }

        public static CoordinatorJournal Open(string dataDirectory, Dictionary<string, ConsumerGroup> groups, long nowMs, Action<string>? log)
        {
            Directory.CreateDirectory(dataDirectory);
            var path = Path.Combine(dataDirectory, FileName);
            if (File.Exists(path))
            {
                Replay(File.ReadAllBytes(path), groups, nowMs, log);
            }

            // Rewrite the current state only, so the journal does not grow across restarts.
            var temp = path + ".tmp";
            var compacted = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            var journal = new CoordinatorJournal(compacted);
            foreach (var group in groups.Values)
            {
                journal.SaveGroup(group);
                foreach (var pair in group.Offsets)
                {
                    journal.SaveOffset(group.GroupId, pair.Key.Topic, pair.Key.Partition, pair.Value);
                }
            }

            compacted.Flush(true);
            compacted.Dispose();
            if (File.Exists(path))
            {
                File.Replace(temp, path, null);
            }
            else
            {
                File.Move(temp, path);
            }

            var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 1);
            file.Seek(0, SeekOrigin.End);
            return new CoordinatorJournal(file);
        }

        private static void Replay(byte[] bytes, Dictionary<string, ConsumerGroup> groups, long nowMs, Action<string>? log)
        {
            var position = 0;
            while (position + 4 <= bytes.Length)
            {
                var length = BitConverter.ToInt32(bytes, position);
                if (length <= 0 || length > bytes.Length - position - 4)
                {
                    break;
                }

                using var reader = new BinaryReader(new MemoryStream(bytes, position + 4, length), Encoding.UTF8);
                try
                {
                    Apply(reader, groups, nowMs);
                }
                catch (EndOfStreamException)
                {
                    break;
                }

                position += 4 + length;
            }

            if (position != bytes.Length)
            {
                log?.Invoke($"Group journal: ignoring {bytes.Length - position} bytes of torn tail.");
            }
        }

        private static ConsumerGroup GroupFor(Dictionary<string, ConsumerGroup> groups, string groupId)
        {
            if (!groups.TryGetValue(groupId, out var group))
            {
                group = new ConsumerGroup(groupId);
                groups[groupId] = group;
            }

            return group;
        }

        private static void Apply(BinaryReader reader, Dictionary<string, ConsumerGroup> groups, long nowMs)
        {
            var type = reader.ReadByte();
            var groupId = reader.ReadString();
            switch (type)
            {
                case OffsetCommitRecord:
                {
                    var topic = reader.ReadString();
                    var partition = reader.ReadInt32();
                    var offset = reader.ReadInt64();
                    var epoch = reader.ReadInt32();
                    var metadata = ReadNullable(reader);
                    var timestamp = reader.ReadInt64();
                    GroupFor(groups, groupId).Offsets[(topic, partition)] = new CommittedOffset(offset, epoch, metadata, timestamp);
                    break;
                }

                case OffsetDeleteRecord:
                {
                    var topic = reader.ReadString();
                    var partition = reader.ReadInt32();
                    if (groups.TryGetValue(groupId, out var group))
                    {
                        group.Offsets.Remove((topic, partition));
                    }

                    break;
                }

                case GroupSnapshotRecord:
                    ApplySnapshot(reader, GroupFor(groups, groupId), nowMs);
                    break;
                case GroupDeleteRecord:
                    groups.Remove(groupId);
                    break;
            }
        }

        private static void ApplySnapshot(BinaryReader reader, ConsumerGroup group, long nowMs)
        {
            group.State = (GroupState)reader.ReadByte();
            group.GenerationId = reader.ReadInt32();
            group.ProtocolType = ReadNullable(reader);
            group.ProtocolName = ReadNullable(reader);
            var leader = ReadNullable(reader);
            foreach (var old in new List<GroupMember>(group.Members))
            {
                group.Remove(old);
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var member = new GroupMember(reader.ReadString(), ReadNullable(reader), reader.ReadString(), reader.ReadString())
                {
                    SessionTimeoutMs = reader.ReadInt32(),
                    RebalanceTimeoutMs = reader.ReadInt32(),
                    ProtocolType = reader.ReadString(),
                    // Like Kafka after a coordinator move: restored members must heartbeat within their session timeout.
                    LastHeartbeatMs = nowMs,
                    JoinedAtMs = nowMs,
                };
                var protocols = new List<MemberProtocol>();
                var protocolCount = reader.ReadInt32();
                for (var p = 0; p < protocolCount; p++)
                {
                    protocols.Add(new MemberProtocol(reader.ReadString(), reader.ReadBytes(reader.ReadInt32())));
                }

                member.Protocols = protocols;
                member.Assignment = reader.ReadBytes(reader.ReadInt32());
                group.Add(member);
            }

            group.LeaderId = leader;
        }

        private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

        private static void WriteNullable(BinaryWriter writer, string? value)
        {
            writer.Write(value != null);
            if (value != null)
            {
                writer.Write(value);
            }
        }

        private void Append(Action<BinaryWriter> write)
        {
            using var payload = new MemoryStream();
            using (var writer = new BinaryWriter(payload, Encoding.UTF8, true))
            {
                writer.Write(0);
                write(writer);
            }

            var bytes = payload.GetBuffer();
            var length = (int)payload.Length;
            BitConverter.GetBytes(length - 4).CopyTo(bytes, 0);
            _file.Write(bytes, 0, length);
        }

        public void SaveOffset(string groupId, string topic, int partition, CommittedOffset offset) => Append(w =>
        {
            w.Write(OffsetCommitRecord);
            w.Write(groupId);
            w.Write(topic);
            w.Write(partition);
            w.Write(offset.Offset);
            w.Write(offset.LeaderEpoch);
            WriteNullable(w, offset.Metadata);
            w.Write(offset.CommitTimestamp);
        });

        public void DeleteOffset(string groupId, string topic, int partition) => Append(w =>
        {
            w.Write(OffsetDeleteRecord);
            w.Write(groupId);
            w.Write(topic);
            w.Write(partition);
        });

        public void DeleteGroup(string groupId) => Append(w =>
        {
            w.Write(GroupDeleteRecord);
            w.Write(groupId);
        });

        /// <summary>Only settled states are saved, so a restart resumes from the last Stable or Empty generation.</summary>
        public void SaveGroup(ConsumerGroup group)
        {
            if (group.State != GroupState.Stable && group.State != GroupState.Empty)
            {
                return;
            }

            Append(w =>
            {
                w.Write(GroupSnapshotRecord);
                w.Write(group.GroupId);
                w.Write((byte)group.State);
                w.Write(group.GenerationId);
                WriteNullable(w, group.ProtocolType);
                WriteNullable(w, group.ProtocolName);
                WriteNullable(w, group.LeaderId);
                var members = group.State == GroupState.Stable ? group.Members : new List<GroupMember>();
                w.Write(members.Count);
                foreach (var m in members)
                {
                    w.Write(m.MemberId);
                    WriteNullable(w, m.GroupInstanceId);
                    w.Write(m.ClientId);
                    w.Write(m.ClientHost);
                    w.Write(m.SessionTimeoutMs);
                    w.Write(m.RebalanceTimeoutMs);
                    w.Write(m.ProtocolType);
                    w.Write(m.Protocols.Count);
                    foreach (var p in m.Protocols)
                    {
                        w.Write(p.Name);
                        w.Write(p.Metadata.Length);
                        w.Write(p.Metadata);
                    }

                    w.Write(m.Assignment.Length);
                    w.Write(m.Assignment);
                }
            });
        }

        public void Dispose()
        {
            _file.Flush(true);
            _file.Dispose();
        }
    }
}
