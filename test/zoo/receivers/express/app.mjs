// An Express 5 receiver as Express's own documentation shows it: express.json() with its
// defaults (a 100kb body limit among them) and one POST route answering 200.
import express from 'express';

const app = express();
const port = Number(process.env.PORT ?? 3000);

app.use(express.json());

app.post('/webhook', (req, res) => {
  console.log(`received an event with keys ${Object.keys(req.body ?? {}).join(', ')}`);
  res.sendStatus(200);
});

app.listen(port, '127.0.0.1', (error) => {
  if (error) throw error;
  console.log(`Example app listening on port ${port}`);
});
