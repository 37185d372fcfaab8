import type { CheckDefinition } from '../types';

const API_KIND = { kind: 'api' };

const API_DOC = {
  title: 'Backstage: API entities',
  url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#kind-api',
};

/**
 * The checks of API entities, besides ownership: a machine-readable
 * definition, documentation and a contact for consumers. They are not
 * operational checks (an API is operated through the components that
 * provide it), so an API gets a score but no level (see
 * `levelApplicability`).
 *
 * @public
 */
export const apiChecks: CheckDefinition[] = [
  {
    id: 'api.definition',
    title: 'API definition published',
    description:
      'spec.definition holds the API’s definition (OpenAPI, AsyncAPI, GraphQL, gRPC…), not a placeholder.',
    category: 'api',
    level: 'bronze',
    weight: 3,
    appliesTo: API_KIND,
    requires: ['entity'],
    rule: { field: 'spec.definition' },
    messages: {
      pass: 'The API definition is published',
      fail: 'No spec.definition: consumers cannot read the API’s contract',
    },
    remediation: {
      markdown: `Publish the API's definition in \`spec.definition\`, inline or from the repository with a \`$text\` substitution:

\`\`\`yaml
spec:
  type: openapi
  definition:
    $text: ./openapi.yaml
\`\`\``,
      links: [API_DOC],
    },
  },
  {
    id: 'api.docs',
    title: 'API documentation linked',
    description:
      'TechDocs (backstage.io/techdocs-ref or techdocs-entity) or a documentation link.',
    category: 'api',
    level: 'silver',
    weight: 2,
    appliesTo: API_KIND,
    requires: ['entity'],
    rule: {
      anyOf: [
        {
          annotation: [
            'backstage.io/techdocs-ref',
            'backstage.io/techdocs-entity',
          ],
        },
        { link: { type: ['docs', 'documentation', 'doc'] } },
        {
          link: {
            url: ['*/docs', '*/docs/*', '*readthedocs.io*', '*/wiki/*'],
          },
        },
      ],
    },
    messages: {
      pass: 'API documentation is linked',
      fail: 'No TechDocs annotation or documentation link',
    },
    remediation: {
      markdown: `Tell consumers how to use the API beyond its contract (authentication, limits, examples): TechDocs or a documentation link.

\`\`\`yaml
metadata:
  annotations:
    backstage.io/techdocs-ref: dir:.
  links:
    - url: https://docs.example.com/payments-api
      title: Payments API guide
      type: docs
\`\`\``,
      links: [API_DOC],
    },
  },
  {
    id: 'api.consumer-contact',
    title: 'Consumers know whom to ask',
    description:
      'A chat or email link on the API, or an email, chat channel or on-call contact of the owning team.',
    category: 'api',
    level: 'silver',
    weight: 2,
    appliesTo: API_KIND,
    requires: ['entity'],
    optional: ['owner'],
    rule: {
      anyOf: [
        { link: ['chat', 'email'] },
        { ownerContact: ['email', 'chat', 'oncall'] },
      ],
    },
    messages: {
      pass: 'Consumers can reach the API’s team',
      fail: 'No chat or email link on the API and no team email, chat or on-call contact',
    },
    remediation: {
      markdown: `Give consumers a place to ask: a chat channel or email link on the API, or a team email/chat channel on the owning Group.

\`\`\`yaml
metadata:
  links:
    - url: https://chat.example.com/channels/payments-api
      title: "#payments-api"
      type: chat
\`\`\``,
      links: [API_DOC],
    },
  },
];
