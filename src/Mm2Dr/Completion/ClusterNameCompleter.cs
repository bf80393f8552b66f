using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Mm2Dr.Session;

namespace Mm2Dr.Completion
{
    /// <summary>Completes -Cluster with Primary, DR and the environment's aliases.</summary>
    public sealed class ClusterNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var env = ModuleSession.Current.Environment;
            var names = new[] { "Primary", "DR", env.Primary.Alias, env.Dr.Alias }.Distinct(StringComparer.OrdinalIgnoreCase);
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
        }
    }
}
