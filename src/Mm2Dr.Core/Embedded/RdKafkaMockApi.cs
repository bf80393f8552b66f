using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Mm2Dr.Core.Embedded
{
    /// <summary>librdkafka's experimental mock-cluster API (rdkafka_mock.h), pinned with librdkafka.redist 2.16.0.</summary>
    internal static class RdKafkaMockApi
    {
        private const string Lib = "librdkafka";

        public const int RdKafkaProducer = 0;

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr rd_kafka_conf_new();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int rd_kafka_conf_set(IntPtr conf, [MarshalAs(UnmanagedType.LPStr)] string name, [MarshalAs(UnmanagedType.LPStr)] string value, StringBuilder errstr, UIntPtr errstrSize);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr rd_kafka_new(int type, IntPtr conf, StringBuilder errstr, UIntPtr errstrSize);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern void rd_kafka_destroy(IntPtr rk);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern void rd_kafka_mock_cluster_destroy(IntPtr mcluster);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr mcluster);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int rd_kafka_mock_topic_create(IntPtr mcluster, [MarshalAs(UnmanagedType.LPStr)] string topic, int partitionCount, int replicationFactor);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int rd_kafka_mock_broker_set_down(IntPtr mcluster, int brokerId);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int rd_kafka_mock_broker_set_up(IntPtr mcluster, int brokerId);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr mcluster, int delayMs);
    }
}
