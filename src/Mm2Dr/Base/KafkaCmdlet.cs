using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Mm2Dr.Completion;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Base
{
    /// <summary>
    /// A cmdlet that talks to one Kafka cluster: -Cluster (alias, Primary or DR) from the session's environment, or
    /// -BootstrapServers for any other cluster, plus -KafkaConfig for any librdkafka property and -TimeoutSec.
    /// </summary>
    public abstract class KafkaCmdlet : Mm2DrCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Cluster { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? BootstrapServers { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable? KafkaConfig { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 15;

        protected TimeSpan RequestTimeout => TimeSpan.FromSeconds(TimeoutSec);

        protected DrEnvironment Environment => Session.Environment;

        /// <summary>The cluster this invocation targets; defaults to the environment's primary.</summary>
        protected ClusterConnection ResolveCluster() => ResolveCluster(Cluster, BootstrapServers);

        protected ClusterConnection ResolveCluster(string? cluster, string? bootstrapServers)
        {
            var environment = Environment;
            ClusterConnection connection;
            if (cluster != null)
            {
                ClusterConnection? known = null;
                try
                {
                    known = environment.Resolve(cluster);
                }
                catch (ArgumentException) when (bootstrapServers != null)
                {
                    // An object from another session (piped) names a cluster this environment does not know.
                }
                catch (ArgumentException ex)
                {
                    throw new Mm2DrException(ErrorIds.UnknownCluster, ErrorKind.InvalidArgument, ex.Message, cluster, ex);
                }

                if (known != null && (bootstrapServers == null || string.Equals(known.BootstrapServers, NormalizeBootstrap(bootstrapServers), StringComparison.OrdinalIgnoreCase)))
                {
                    connection = known;
                }
                else
                {
                    connection = new ClusterConnection(cluster, NormalizeBootstrap(bootstrapServers!), ClusterRole.Other);
                }
            }
            else if (bootstrapServers != null)
            {
                connection = new ClusterConnection(NormalizeBootstrap(bootstrapServers), NormalizeBootstrap(bootstrapServers), ClusterRole.Other);
            }
            else
            {
                connection = environment.Primary;
            }

            if (KafkaConfig != null && KafkaConfig.Count > 0)
            {
                connection = connection.WithProperties(ToProperties(KafkaConfig, nameof(KafkaConfig)));
            }

            WriteVerbose($"Using cluster '{connection.Alias}' at {connection.BootstrapServers}.");
            return connection;
        }

        internal static IEnumerable<KeyValuePair<string, string>> ToProperties(IDictionary table, string parameterName)
        {
            var result = new List<KeyValuePair<string, string>>();
            foreach (DictionaryEntry entry in table)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                if (string.IsNullOrWhiteSpace(key))
                {
                    throw new ArgumentException($"-{parameterName} has an empty key. Expected librdkafka property names such as 'security.protocol'.", parameterName);
                }

                var value = entry.Value switch
                {
                    null => throw new ArgumentException($"-{parameterName} key '{key}' has no value.", parameterName),
                    bool b => b ? "true" : "false",
                    PSObject pso => Convert.ToString(pso.BaseObject, CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                };
                result.Add(new KeyValuePair<string, string>(key!.Trim(), value ?? string.Empty));
            }

            return result;
        }

        private static string NormalizeBootstrap(string bootstrapServers)
        {
            try
            {
                return ClusterConnection.ValidateBootstrap(bootstrapServers);
            }
            catch (ArgumentException ex)
            {
                throw new Mm2DrException(ErrorIds.InvalidArgument, ErrorKind.InvalidArgument, ex.Message, bootstrapServers, ex);
            }
        }

        /// <summary>An admin session for the target cluster; dispose it when done.</summary>
        internal KafkaAdmin OpenAdmin(ClusterConnection cluster) => new KafkaAdmin(cluster, RequestTimeout, Cancellation);
    }
}
