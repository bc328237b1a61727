package io.shebao.cli;

import io.shebao.ShebaoRules;
import picocli.CommandLine;

final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"shebao " + ShebaoRules.version()};
    }
}
