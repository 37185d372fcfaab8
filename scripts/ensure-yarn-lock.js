// backstage-cli's build and start commands look for a yarn.lock to find the
// repository root; this project uses npm, so an empty one is enough.
const fs = require('fs');
const path = require('path');

const file = path.resolve(__dirname, '..', 'yarn.lock');
if (!fs.existsSync(file)) {
  fs.writeFileSync(file, '');
}
