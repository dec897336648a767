package org.smartphone.payroll.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --home DIR} after the command as well as before it ({@code payroll status --home DIR}): people
 * add it where they finish typing. Given on every command (added here, so that a new command has it
 * too); the value goes to the root command, which refuses two different folders.
 */
final class HomeAfterCommand {

    private HomeAfterCommand() {}

    static void addTo(CommandLine commandLine, PayrollCommand root) {
        for (CommandLine command : commandLine.getSubcommands().values()) {
            if (command.getCommand() instanceof HelpCommand) {
                continue;
            }
            addTo(command, root); // refunds issue, refunds confirm ...
            command.getCommandSpec()
                    .addOption(OptionSpec.builder("--home")
                            .paramLabel("DIR")
                            .type(Path.class)
                            .description("Home folder, as before the command.")
                            .setter(new ISetter() {
                                @Override
                                public <T> T set(T value) {
                                    root.homeAfterCommand((Path) value);
                                    return null;
                                }
                            })
                            .getter(new IGetter() {
                                @Override
                                @SuppressWarnings("unchecked")
                                public <T> T get() {
                                    return (T) root.homeAfterCommand();
                                }
                            })
                            .build());
        }
    }
}
