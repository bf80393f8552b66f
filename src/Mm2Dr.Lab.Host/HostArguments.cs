using System;
using System.Globalization;
using System.Net;

namespace Mm2Dr.Lab.Host
{
    /// <summary>Command-line settings of the host. Parsing never throws: a problem comes back as <see cref="Error"/>.</summary>
    internal sealed class HostArguments
    {
        public LabBrokerOptions Options { get; } = new LabBrokerOptions { Port = 9092 };

        public bool ShowHelp { get; private set; }

        public string? Error { get; private set; }

        public bool Verbose { get; private set; }

        public const string Usage =
@"Mm2Dr lab broker: a single-node Kafka-protocol broker for DR rehearsals and tests.

NOT FOR PRODUCTION DATA: one broker, no replication, no security (no TLS, no SASL,
no ACLs). Use it to rehearse and test, never to hold data you need to keep.

Usage: dotnet Mm2Dr.Lab.Host.dll [options]

  --port N           port to listen on (default 9092; 0 = any free port)
  --host ADDRESS     IP address to listen on and advertise (default 127.0.0.1)
  --data DIR         keep topics, logs, offsets and groups in DIR (default: memory only)
  --partitions N     partitions of auto-created topics (Kafka's num.partitions, default 1)
  --no-auto-create   do not create topics on first use (auto.create.topics.enable=false)
  --node-id N        broker id (default 1)
  --verbose          print diagnostics (closed connections, recovery) to stderr
  --help             show this text

Prints 'Mm2Dr lab broker listening on HOST:PORT' when ready; stops on Ctrl+C or SIGTERM.
Exit codes: 0 stopped cleanly, 1 could not start, 2 bad arguments.";

        public static HostArguments Parse(string[] args)
        {
            var parsed = new HostArguments();
            for (var i = 0; i < args.Length && parsed.Error == null; i++)
            {
                var arg = args[i];
                switch (arg)
                {
                    case "--help":
                    case "-h":
                    case "-?":
                        parsed.ShowHelp = true;
                        break;
                    case "--no-auto-create":
                        parsed.Options.AutoCreateTopics = false;
                        break;
                    case "--verbose":
                        parsed.Verbose = true;
                        break;
                    case "--port":
                        if (parsed.TryValue(args, ref i, arg, out var port))
                        {
                            parsed.Options.Port = parsed.ParseInt(arg, port, 0, 65535);
                        }

                        break;
                    case "--partitions":
                        if (parsed.TryValue(args, ref i, arg, out var partitions))
                        {
                            parsed.Options.DefaultPartitions = parsed.ParseInt(arg, partitions, 1, 100000);
                        }

                        break;
                    case "--node-id":
                        if (parsed.TryValue(args, ref i, arg, out var nodeId))
                        {
                            parsed.Options.NodeId = parsed.ParseInt(arg, nodeId, 0, int.MaxValue);
                        }

                        break;
                    case "--host":
                        if (parsed.TryValue(args, ref i, arg, out var host))
                        {
                            if (IPAddress.TryParse(host, out _))
                            {
                                parsed.Options.Host = host;
                            }
                            else
                            {
                                parsed.Error = $"--host: '{host}' is not an IP address (e.g. 127.0.0.1).";
                            }
                        }

                        break;
                    case "--data":
                        if (parsed.TryValue(args, ref i, arg, out var data))
                        {
                            parsed.Options.DataDirectory = data;
                        }

                        break;
                    default:
                        parsed.Error = $"Unknown argument '{arg}'. Try --help.";
                        break;
                }
            }

            return parsed;
        }

        private bool TryValue(string[] args, ref int i, string name, out string value)
        {
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                Error = $"{name} needs a value.";
                value = "";
                return false;
            }

            value = args[++i];
            return true;
        }

        private int ParseInt(string name, string text, int min, int max)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                Error = $"{name}: '{text}' is not a whole number from {min} to {max}.";
                return 0;
            }

            return value;
        }
    }
}
