using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Mm2Dr.Core.Environment;
using Mm2Dr.Session;

namespace Mm2Dr.Completion
{
    /// <summary>
    /// Completes from names cached by earlier commands, for the cluster already typed on the command line.
    /// It never contacts Kafka: completion must answer at once even when a cluster is down.
    /// </summary>
    public abstract class CachedNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = ModuleSession.Current;
            var bootstrap = BootstrapFor(session.Environment, fakeBoundParameters);
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Names(session, bootstrap, prefix)
                .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n));
        }

        private protected abstract IReadOnlyList<string> Names(ModuleSession session, string? bootstrap, string prefix);

        private static string? BootstrapFor(DrEnvironment environment, IDictionary bound)
        {
            if (bound != null && bound.Contains("BootstrapServers") && bound["BootstrapServers"] is string servers)
            {
                return servers;
            }

            if (bound != null && bound.Contains("Cluster") && bound["Cluster"] is string cluster)
            {
                try
                {
                    return environment.Resolve(cluster).BootstrapServers;
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }

            return environment.Primary.BootstrapServers;
        }

        private static string Quote(string name) => name.IndexOfAny(new[] { ' ', '$', '\'', '"', '`', ';', '(', ')', '{', '}', ',' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
    }
}
