namespace Mm2Dr.Core.Configuration
{
    /// <summary>MM2's defaults for Apache Kafka 3.7-3.9 (Confluent Platform 7.7-7.9); see shared/docs/mm2-internals.md §8.</summary>
    public static class Mm2Defaults
    {
        public const string Topics = ".*";
        public const string TopicsExclude = @".*[\-\.]internal, .*\.replica, __.*";
        public const string Groups = ".*";
        public const string GroupsExclude = "console-consumer-.*, connect-.*, __.*";
        public const long OffsetLagMax = 100;
        public const bool EmitCheckpointsEnabled = true;
        public const int EmitCheckpointsIntervalSeconds = 60;
        public const bool EmitHeartbeatsEnabled = true;
        public const int EmitHeartbeatsIntervalSeconds = 1;
        public const bool SyncGroupOffsetsEnabled = false;
        public const int SyncGroupOffsetsIntervalSeconds = 60;
        public const bool RefreshTopicsEnabled = true;
        public const int RefreshTopicsIntervalSeconds = 600;
        public const bool RefreshGroupsEnabled = true;
        public const int RefreshGroupsIntervalSeconds = 600;
        public const int ReplicationFactor = 2;
        public const short InternalTopicReplicationFactor = 3;
        public const string OffsetSyncsTopicLocation = "source";
        public const bool EmitOffsetSyncsEnabled = true;

        /// <summary>Connect's worker default: how often source offsets are flushed and MirrorSourceTask.commit() runs.</summary>
        public const int OffsetFlushIntervalMs = 60000;
    }
}
