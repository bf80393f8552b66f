namespace Mm2Dr.Core.Errors
{
    /// <summary>
    /// The one table of stable error ids. Runbooks match on these (ErrorRecord.FullyQualifiedErrorId starts with
    /// the id), so an id never changes meaning once shipped.
    /// </summary>
    public static class ErrorIds
    {
        public const string InvalidArgument = "InvalidArgument";
        public const string ConfigurationInvalid = "ConfigurationInvalid";
        public const string UnknownCluster = "UnknownCluster";
        public const string ClusterUnreachable = "ClusterUnreachable";
        public const string OperationTimedOut = "OperationTimedOut";
        public const string TopicNotFound = "TopicNotFound";
        public const string TopicAlreadyExists = "TopicAlreadyExists";
        public const string TopicCreateFailed = "TopicCreateFailed";
        public const string TopicDeleteFailed = "TopicDeleteFailed";
        public const string PartitionNotFound = "PartitionNotFound";
        public const string GroupNotFound = "GroupNotFound";
        public const string GroupHasActiveMembers = "GroupHasActiveMembers";
        public const string GroupOperationFailed = "GroupOperationFailed";
        public const string OffsetResetFailed = "OffsetResetFailed";
        public const string OffsetOutOfRange = "OffsetOutOfRange";
        public const string ProduceFailed = "ProduceFailed";
        public const string DeliveryFailed = "DeliveryFailed";
        public const string ConsumeFailed = "ConsumeFailed";
        public const string CommitFailed = "CommitFailed";
        public const string SerializationFailed = "SerializationFailed";
        public const string FeatureNotSupported = "FeatureNotSupported";
        public const string AuthorizationFailed = "AuthorizationFailed";
        public const string KafkaError = "KafkaError";
        public const string LabClusterFailed = "LabClusterFailed";

        // MM2 internal topics. A missing topic is its own id per kind because each has a different cause and fix.
        public const string CheckpointsTopicNotFound = "CheckpointsTopicNotFound";
        public const string OffsetSyncsTopicNotFound = "OffsetSyncsTopicNotFound";
        public const string HeartbeatsTopicNotFound = "HeartbeatsTopicNotFound";

        /// <summary>An internal topic was not read to its end within the read timeout; the message says how far it got.</summary>
        public const string InternalTopicReadTimedOut = "InternalTopicReadTimedOut";
        public const string InternalTopicReadFailed = "InternalTopicReadFailed";

        // Sites and the DR lab.

        /// <summary>No site of the session can stop or start the cluster (e.g. a real cluster with no lab or container site).</summary>
        public const string SiteNotAvailable = "SiteNotAvailable";

        /// <summary>A cluster was started but did not answer a metadata request within the timeout.</summary>
        public const string ClusterStartTimedOut = "ClusterStartTimedOut";

        /// <summary>The DR lab could not start (port in use, data folder locked, mm2.properties unusable for a lab).</summary>
        public const string DrLabFailed = "DrLabFailed";

        /// <summary>A command needs the session's DR lab, and none is running.</summary>
        public const string DrLabNotRunning = "DrLabNotRunning";
    }
}
